import AsyncHTTPClient
import CoachServer
import Coaching
import Discord
import Foundation
import Logging
import NIOCore
import ServerSettings
import ServerTestSupport
import Storage

/// The real coaching server on the bot's database with the team event pages wired to the bot's
/// `TeamWebDesk`, as `trailbrake serve` wires them, and a browser for it.
struct TeamWebServer: Sendable {
    let baseURL: String
    let database: TrailbrakeDatabase

    struct Page: Sendable {
        let status: Int
        let body: String
    }

    static func with<T: Sendable>(
        _ harness: LeagueHarness, _ body: @Sendable (TeamWebServer) async throws -> T
    ) async throws -> T {
        var configuration = ServerConfiguration()
        configuration.server.host = "127.0.0.1"
        configuration.server.port = 0
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-teamweb-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        configuration.server.dataDirectory = directory.path
        var logger = Logger(label: "team-web")
        logger.logLevel = .warning
        var dependencies = CoachServerDependencies.storageBacked(
            database: harness.database, library: ReferenceLibrary(), coaching: configuration.coaching, logger: logger)
        dependencies.teamEvents = StorageBackedTeamEvents(
            database: harness.database, limits: harness.team?.configuration.limits ?? TeamLimits(), desk: harness.bot.teamWebDesk())
        let server = TrailbrakeServer(configuration: configuration, dependencies: dependencies, logger: logger)
        return try await withRunningServer(server, logger: logger) { url in
            try await body(TeamWebServer(baseURL: url, database: harness.database))
        }
    }

    /// A browser session for a new driver whose Discord account is `discordUser`: its cookie and CSRF token.
    func signIn(driver name: String, discordUser: String) async throws -> (cookie: String, csrf: String) {
        let driver = try await StorageBackedDrivers(database: database).createDriver(name: name)
        _ = try await DiscordSignInRepository(database: database).link(discordUser: discordUser, driverID: driver.id)
        let sessions = StorageBackedBrowserSessions(database: database)
        guard let (session, cookie) = try await sessions.signIn(driverID: driver.id, lifetime: 3_600, maximumPerDriver: 5) else {
            throw TestFailure("no session")
        }
        return (cookie, session.csrfToken)
    }

    enum Method { case get, post }

    /// A request as this site's own page would send it (`origin: nil` leaves the header out).
    func request(_ method: Method, _ path: String, cookie: String, form: String? = nil, origin: String? = "") async throws -> Page {
        var request = HTTPClientRequest(url: baseURL + path)
        if method == .post { request.method = .POST }
        request.headers.add(name: "Cookie", value: "trailbrake_listen=\(cookie)")
        if let origin { request.headers.add(name: "Origin", value: origin.isEmpty ? baseURL : origin) }
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let bytes = try await response.body.collect(upTo: 1 << 20)
        return Page(status: Int(response.status.code), body: String(buffer: bytes))
    }

    /// Percent-encodes a form value.
    static func encoded(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
    }
}
