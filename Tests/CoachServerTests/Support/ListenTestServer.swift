import CoachServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import NIOCore
import ServerSettings
import Storage

/// A test server whose listen page signs browsers in through the real storage-backed store on
/// an in-memory database holding alice (id 1) and bob (id 2), the fake authenticator's drivers.
struct ListenTestServer: Sendable {
    let server: RunningServer
    let database: TrailbrakeDatabase

    var port: Int { server.port }
    var authority: String { "127.0.0.1:\(port)" }
    var origin: String { "http://\(authority)" }

    static func with<T: Sendable>(
        backend: TestBackend = TestBackend(), configure: (inout ServerSettings.ServerConfiguration) -> Void = { _ in }, logger: Logger? = nil,
        _ body: @Sendable (ListenTestServer) async throws -> T
    ) async throws -> T {
        let database = try TrailbrakeDatabase.inMemory()
        let drivers = DriverRepository(database: database)
        for name in ["alice", "bob"] { _ = try await drivers.createDriver(name: name) }
        var backend = backend
        backend.browserSessions = StorageBackedBrowserSessions(database: database)
        backend.adminConsole = StorageBackedDrivers(database: database)
        backend.teamEvents = StorageBackedTeamEvents(database: database, limits: TeamLimits(spansPerDriver: 2))
        if backend.discordSignIn != nil { backend.discordUsers = StorageBackedBrowserSessions(database: database) }
        return try await RunningServer.with(backend: backend, configure: configure, logger: logger) { server in
            try await body(ListenTestServer(server: server, database: database))
        }
    }

    /// A login link's secret for the driver, made `age` seconds ago and valid for `lifetime`.
    func mintLink(driverID: Int64 = 1, age: TimeInterval = 0, lifetime: TimeInterval = 600) async throws -> String {
        try await LoginLinkRepository(database: database).create(driverID: driverID, lifetime: lifetime, now: Date() - age).secret
    }

    struct Answer: Sendable {
        let status: HTTPResponse.Status
        let headers: HTTPFields
        let body: String
        var setCookie: String? { headers[.setCookie] }
        /// Every `Set-Cookie` (a Discord sign-in sets one cookie and clears others).
        var setCookies: [String] { headers[values: .setCookie] }
        /// The value the answer gives cookie `name`, if it sets it.
        func cookie(_ name: String) -> String? {
            setCookies.first { $0.hasPrefix(name + "=") }.map { String($0.dropFirst(name.count + 1).prefix { $0 != ";" }) }
        }
        /// The session secret a `Set-Cookie` hands out, if it does.
        var cookieValue: String? {
            guard let setCookie, setCookie.hasPrefix("trailbrake_listen=tbs_") else { return nil }
            return String(setCookie.dropFirst("trailbrake_listen=".count).prefix { $0 != ";" })
        }
    }

    /// One request as a browser on this origin would send it (`origin: nil` leaves the header out).
    func request(
        _ method: HTTPRequest.Method, _ path: String, cookie: String? = nil, origin: String? = "", form: String? = nil,
        cookies: [String: String] = [:]
    ) async throws -> Answer {
        var headers = HTTPFields()
        var jar = cookies
        if let cookie { jar["trailbrake_listen"] = cookie }
        if !jar.isEmpty { headers[.cookie] = jar.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if let origin { headers[.origin] = origin.isEmpty ? self.origin : origin }
        if form != nil { headers[.contentType] = "application/x-www-form-urlencoded" }
        let request = TestClient.Request(
            path, method: method, authority: authority, headers: headers, body: form.map { ByteBuffer(string: $0) })
        let response = try await TestClient.withClient(host: "127.0.0.1", port: port) { client in try await client.execute(request) }
        return Answer(status: response.head.status, headers: response.head.headerFields, body: String(buffer: response.body ?? ByteBuffer()))
    }

    /// Signs in with the secret (posted as the sign-in page would) and returns the answer.
    func signIn(_ secret: String, origin: String? = "") async throws -> Answer {
        let link = "http://\(authority)/listen/login#\(secret)"
        let encoded = link.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? link
        return try await request(.post, "/listen/login", origin: origin, form: "link=\(encoded)")
    }

    /// The server's answer (head, and a refusal's JSON body) to a WebSocket upgrade of the
    /// listen path sent by hand.
    func upgrade(extraHeaders: [String] = [], query: String = "") async throws -> String {
        let request = (["GET \(ListenPaths.socket)\(query) HTTP/1.1", "Host: \(authority)", "Connection: Upgrade", "Upgrade: websocket",
                        "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="] + extraHeaders)
            .joined(separator: "\r\n") + "\r\n\r\n"
        return try await withTimeout { try await RawHTTP.exchange(port: port, request: request, headOnly: true) }
    }
}

enum ListenPaths {
    static let socket = "/api/v1/coaching/listen"
}
