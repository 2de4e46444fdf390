import CoachServer
import Coaching
import Foundation
import Logging
import ServerTestSupport
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
        configure: (inout ServerConfiguration) -> Void = { _ in },
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
        configure(&configuration)
        var logger = Logger(label: "e2e-server")
        logger.logLevel = .warning
        let dependencies = CoachServerDependencies.storageBacked(
            database: database, library: library, coaching: configuration.coaching, logger: logger, voice: voice)
        let server = TrailbrakeServer(configuration: configuration, dependencies: dependencies, logger: logger)
        let running = Box<EndToEndServer>()
        let value = try await withRunningServer(server, logger: logger) { url in
            let started = EndToEndServer(baseURL: url, database: database, driverID: driver.id, token: token)
            running.value = started
            return try await body(started)
        }
        if let started = running.value { try await afterShutdown(started, value) }
        return value
    }
}
