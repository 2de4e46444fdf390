import CoachServer
import Coaching
import Foundation
import Logging
import ServerSettings
import ServiceLifecycle
import Storage

/// The real server in-process (the load, tracing and backup tests) on 127.0.0.1 with a free port, wired as `trailbrake serve` wires
/// it (SQLite in a temp directory, Storage behind every seam, the shipped reference laps), with
/// one driver and token per simulated driver and the echo endpoint on.
public struct LoadTestServer: Sendable {
    public let baseURL: String
    public let tokens: [String]
    /// The database id of the driver each token belongs to.
    public let driverIDs: [Int64]
    public let server: TrailbrakeServer
    public let database: TrailbrakeDatabase
    /// The data directory's SQLite file (for backups taken from outside, as the CLI does).
    public let databasePath: String

    public static let echoPath = "/bench/echo"
    public static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    public static let referenceDirectory = repositoryRoot.appendingPathComponent("ReferenceLaps", isDirectory: true)

    public var liveURL: String {
        baseURL.replacingOccurrences(of: "https://", with: "wss://").replacingOccurrences(of: "http://", with: "ws://") + "/api/v1/coaching/live"
    }
    public var echoURL: String { baseURL.replacingOccurrences(of: "http://", with: "ws://") + Self.echoPath }

    /// What the server counted, from its own Prometheus text (`name value` lines).
    public func metric(_ name: String) -> Double? {
        for line in server.metrics.exposition().split(separator: "\n") where line.hasPrefix(name + " ") {
            return line.split(separator: " ").last.flatMap { Double($0) }
        }
        return nil
    }

    /// `wire`: changes to the dependencies `serve` would make (a tracer), returning services
    /// that run before the server and stop after it (the tracer's exporter).
    public static func with<T: Sendable>(
        drivers: Int, configure: @Sendable (inout ServerConfiguration) -> Void = { _ in },
        wire: @Sendable (ServerConfiguration, inout CoachServerDependencies) throws -> [any Service] = { _, _ in [] },
        _ body: @Sendable (LoadTestServer) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let databasePath = directory.appendingPathComponent("trailbrake.sqlite").path
        let database = try TrailbrakeDatabase(path: databasePath)
        let accounts = StorageBackedDrivers(database: database)
        var tokens: [String] = []
        var driverIDs: [Int64] = []
        for index in 1...drivers {
            let driver = try await accounts.createDriver(name: "load-\(index)")
            tokens.append(try await accounts.createToken(driverID: driver.id))
            driverIDs.append(driver.id)
        }
        var configuration = ServerConfiguration()
        configuration.server.port = 0
        configuration.server.dataDirectory = directory.path
        configuration.server.echoPath = echoPath
        configure(&configuration)
        var logger = Logger(label: "load-test-server")
        logger.logLevel = .warning
        let library = ReferenceDirectory.load(referenceDirectory, logger: logger)
        var dependencies = CoachServerDependencies.storageBacked(
            database: database, library: library, coaching: configuration.coaching, logger: logger)
        let before = try wire(configuration, &dependencies)
        let server = TrailbrakeServer(configuration: configuration, dependencies: dependencies, logger: logger)
        let madeTokens = tokens, madeDriverIDs = driverIDs
        return try await withRunningServer(server, logger: logger, before: before) { url in
            try await body(LoadTestServer(
                baseURL: url, tokens: madeTokens, driverIDs: madeDriverIDs, server: server, database: database,
                databasePath: databasePath))
        }
    }
}
