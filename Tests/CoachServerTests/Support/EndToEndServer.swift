import CoachServer
import Coaching
import Foundation
import Logging
import ServerSettings
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
    /// The data directory (the database, `pending-laps/`, `live-laps/`).
    let directory: URL
    /// The coach factory's lap spool (nil when `coaching.spool_lap_in_progress` is off).
    var lapSpool: LapChunkSpool? = nil

    /// Another driver and their token.
    func addDriver(named name: String) async throws -> (id: Int64, token: String) {
        let drivers = StorageBackedDrivers(database: database)
        let driver = try await drivers.createDriver(name: name)
        return (driver.id, try await drivers.createToken(driverID: driver.id))
    }

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
        var configuration = ServerConfiguration()
        // Recordings are streamed as fast as the socket takes them, far above a real client's
        // 10 batches a second: the batch rate limit is lifted unless `configure` sets it.
        configuration.live.batchBurst = 10_000_000
        // A lap is reported `stored: false` after this wait only in tests that shorten it on
        // purpose, not because a loaded test machine made a commit slow.
        configuration.storage.lapStoreWaitMilliseconds = 20_000
        configure(&configuration)
        let database = try TrailbrakeDatabase(
            path: directory.appendingPathComponent("trailbrake.sqlite").path,
            busyTimeout: .milliseconds(configuration.storage.busyTimeoutMilliseconds))
        let drivers = StorageBackedDrivers(database: database)
        let driver = try await drivers.createDriver(name: "e2e")
        let token = try await drivers.createToken(driverID: driver.id)

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
            let started = EndToEndServer(
                baseURL: url, database: database, driverID: driver.id, token: token, directory: directory,
                lapSpool: dependencies.lapSpool)
            running.value = started
            return try await body(started)
        }
        if let started = running.value { try await afterShutdown(started, value) }
        return value
    }
}
