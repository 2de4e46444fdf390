import CoachServer
import CoachVoice
import Foundation
import Logging
import ServerSettings
import ServerTestSupport
import Storage
import Voice

/// The real server as `trailbrake serve` wires it (SQLite in a temp directory, the shipped
/// reference laps, espeak-ng and Opus for the voice), with one driver and its token, and login
/// links made as `trailbrake login-link` makes them.
struct ListenPageServer: Sendable {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let referenceLaps = repository.appendingPathComponent("ReferenceLaps")

    let baseURL: String
    let database: TrailbrakeDatabase
    let driverID: Int64
    let token: String
    let configuration: ServerConfiguration

    var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }
    var liveURL: String { baseURL.replacingOccurrences(of: "http://", with: "ws://") + "/api/v1/coaching/live" }

    /// - Parameter wire: changes the dependencies before the server starts (sign in with Discord).
    static func with<T: Sendable>(
        configure: (inout ServerConfiguration) -> Void = { _ in },
        wire: (inout CoachServerDependencies, TrailbrakeDatabase) -> Void = { _, _ in },
        _ body: @Sendable (ListenPageServer) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-listen-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try TrailbrakeDatabase(path: directory.appendingPathComponent("trailbrake.sqlite").path)
        let drivers = StorageBackedDrivers(database: database)
        let driver = try await drivers.createDriver(name: "Ayrton")
        let token = try await drivers.createToken(driverID: driver.id)

        var configuration = ServerConfiguration()
        configuration.server.host = "127.0.0.1"
        configuration.server.port = 0
        configuration.server.dataDirectory = directory.path
        configure(&configuration)
        var logger = Logger(label: "listen-page-server")
        logger.logLevel = .warning
        let voice = PhraseCacheVoice(cache: PhraseCache(renderer: VoiceRenderer(), capacityBytes: 8 << 20))
        var dependencies = CoachServerDependencies.storageBacked(
            database: database, library: ReferenceDirectory.load(referenceLaps, logger: logger), coaching: configuration.coaching,
            logger: logger, voice: voice)
        wire(&dependencies, database)
        let server = TrailbrakeServer(configuration: configuration, dependencies: dependencies, logger: logger)
        let started = configuration
        return try await withRunningServer(server, logger: logger) { url in
            var announced = started
            announced.listen.baseURL = url
            return try await body(
                ListenPageServer(baseURL: url, database: database, driverID: driver.id, token: token, configuration: announced))
        }
    }

    /// A one-time sign-in link, exactly as `trailbrake login-link` prints it.
    func loginLink() async throws -> String {
        let link = try await StorageBackedBrowserSessions(database: database)
            .createLoginLink(driverID: driverID, lifetime: configuration.listen.loginLinkMinutes * 60)
        return LoginLinkAddress.url(base: LoginLinkAddress.baseURL(for: configuration).url, secret: link.secret)
    }
}
