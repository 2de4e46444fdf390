import CoachServer
import Coaching
import Foundation
import Logging
import ServiceLifecycle
import Storage

/// The real server in-process on 127.0.0.1 with a free port and the real dependencies, wired as
/// `trailbrake serve` wires them (Sources/trailbrake/Backend.swift): a SQLite database in a temp
/// directory, Storage behind every seam, and `DriverCoachFactory` with the given references.
struct EndToEndServer: Sendable {
    let baseURL: String
    let database: TrailbrakeDatabase
    let driverID: Int64
    /// The driver's bearer token, made through Storage like `trailbrake token create`.
    let token: String

    var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }
    var liveURL: String { baseURL.replacingOccurrences(of: "http", with: "ws") + "/api/v1/coaching/live" }

    /// Runs `body` against a fresh server and database, shuts the server down gracefully (which
    /// finishes live sessions), runs `afterShutdown` on the database, then deletes it.
    static func with<T: Sendable>(
        library: ReferenceLibrary, tls: ServerConfiguration.TLS? = nil, voice: (any CueVoice)? = nil,
        _ body: @Sendable (EndToEndServer) async throws -> T,
        afterShutdown: @Sendable (EndToEndServer, T) async throws -> Void = { _, _ in }
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try TrailbrakeDatabase(path: directory.appendingPathComponent("trailbrake.sqlite").path)
        let drivers = StorageBackedDrivers(database: database)
        let driver = try await drivers.createDriver(name: "e2e")
        let token = try await drivers.createToken(driverID: driver.id)

        var configuration = ServerConfiguration()
        configuration.server.host = "127.0.0.1"
        configuration.server.port = 0
        configuration.server.dataDirectory = directory.path
        if let tls { configuration.tls = tls }
        var logger = Logger(label: "e2e-server")
        logger.logLevel = .warning
        let writer = LapWriter(database: database)
        let reader = StorageBackedReader(database: database)
        let dependencies = CoachServerDependencies(
            authenticator: drivers,
            coachFactory: DriverCoachFactory(
                library: library, database: database, writer: writer, configuration: configuration.coaching, logger: logger),
            sessionStore: StorageBackedSessions(database: database, writer: writer), reader: reader, databaseHealth: reader,
            voice: voice)

        let server = TrailbrakeServer(configuration: configuration, dependencies: dependencies, logger: logger)
        let (urls, announce) = AsyncStream.makeStream(of: String.self)
        let application = try server.makeApplication { url in announce.yield(url) }
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = urls.makeAsyncIterator()
            guard let url = await iterator.next() else { throw TestFailure("the server did not start") }
            let running = EndToEndServer(baseURL: url, database: database, driverID: driver.id, token: token)
            let result: Result<T, any Error>
            do { result = .success(try await body(running)) } catch { result = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            let value = try result.get()
            try await afterShutdown(running, value)
            return value
        }
    }
}
