import Foundation
import IRacing
@testable import IRacingFake
import Integration
import Logging
import ResultsPoller
import Storage

/// A poller on a database file, against the fake, as `serve` builds it.
struct PollerHarness {
    let databasePath: String
    let directory: TrackedDriverDirectory

    static let guildOne = GuildID(rawValue: 1_100_000_000_000_000_001)
    static let guildTwo = GuildID(rawValue: 1_100_000_000_000_000_002)

    init() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poller-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        databasePath = folder.appendingPathComponent("trailbrake.sqlite").path
        directory = StoredTrackedDriverDirectory(database: try TrailbrakeDatabase(path: databasePath))
    }

    /// A new poller process: its own database connection and client, the same files.
    func poller(
        _ server: FakeIRacingServer, publisher: any RaceResultPublisher, client: IRacingClient? = nil, logger: Logger? = nil,
        metrics: PollerMetrics = PollerMetrics(), settings: ResultsPollerSettings = ResultsPollerSettings(pollInterval: .seconds(60))
    ) throws -> (service: ResultsPollerService, database: TrailbrakeDatabase) {
        let database = try TrailbrakeDatabase(path: databasePath)
        let source = try client ?? TestClient(server, logger: logger).client
        let service = ResultsPollerService(
            source: source, database: database, publisher: publisher, settings: settings, metrics: metrics,
            logger: logger ?? Logger(label: "poller-test") { _ in SwiftLogNoOpLogHandler() })
        return (service, database)
    }
}
