import CoachServer
import Coaching
import Foundation
import Integration
import Logging
import ServerSettings
import ServerTestSupport
import Storage

/// The real coaching server on 127.0.0.1 with a free port, wired as `trailbrake serve` wires it
/// (SQLite in a temp directory, Storage behind every seam) and with `feed` as its
/// `CoachingFeedSink`: the Discord bot's queue, as the executable hands it over.
struct CoachServerFeedingBot: Sendable {
    let liveURL: String
    /// The driver's bearer token, made through Storage like `trailbrake token create`.
    let token: String
    /// The driver's name, which the feed events carry and guild follows name.
    let driverName: String

    /// Runs `body` against a fresh server, then shuts it down gracefully (which ends live
    /// sessions, offering their last events to the feed).
    /// - Parameter database: the bot's own, when a test needs both on one database (the
    ///   driver's Discord link and their stored sessions); else a fresh one.
    static func with<T: Sendable>(
        library: ReferenceLibrary, feed: any CoachingFeedSink, driverName: String, database shared: TrailbrakeDatabase? = nil,
        configure: (inout ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (CoachServerFeedingBot) async throws -> T
    ) async throws -> T {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-feed-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try shared ?? TrailbrakeDatabase(path: directory.appendingPathComponent("trailbrake.sqlite").path)
        let drivers = StorageBackedDrivers(database: database)
        let existing = try await drivers.driver(named: driverName)
        let driver = if let existing { existing } else { try await drivers.createDriver(name: driverName) }
        let token = try await drivers.createToken(driverID: driver.id)

        var configuration = ServerConfiguration()
        configuration.server.host = "127.0.0.1"
        configuration.server.port = 0
        configuration.server.dataDirectory = directory.path
        configure(&configuration)
        var logger = Logger(label: "feed-e2e-server")
        logger.logLevel = .warning
        let dependencies = CoachServerDependencies.storageBacked(
            database: database, library: library, coaching: configuration.coaching, logger: logger, coachingFeed: feed)
        let server = TrailbrakeServer(configuration: configuration, dependencies: dependencies, logger: logger)
        return try await withRunningServer(server, logger: logger) { url in
            try await body(CoachServerFeedingBot(
                liveURL: url.replacingOccurrences(of: "http://", with: "ws://") + "/api/v1/coaching/live", token: token,
                driverName: driverName))
        }
    }
}
