import CoachServer
import Foundation
import IRacing
import Integration
import Logging
import ResultsPoller
import ServerSettings
import Storage

/// Builds the iRacing results poller for `serve` when `[iracing] enabled = true`.
enum ResultsPollerWiring {
    /// The poller service on `client` (nil when `[iracing]` is off). `publisher` is the Discord
    /// bot once it is configured, else a `LogResultPublisher`.
    static func make(
        _ configuration: ServerConfiguration, client: IRacingClient?, database: TrailbrakeDatabase,
        publisher: (any RaceResultPublisher)?, logger: Logger
    ) -> ResultsPollerService? {
        let settings = configuration.iracing
        guard settings.enabled, let client else { return nil }
        let clientLogger = logger.withComponent("iracing")
        let pollerSettings = ResultsPollerSettings(
            pollInterval: .milliseconds(Int64(settings.pollIntervalSeconds * 1_000)), storeLapData: settings.storeLapData,
            concurrentMembers: settings.maxInFlight * 2)
        return ResultsPollerService(
            source: client, database: database, publisher: publisher ?? LogResultPublisher(logger: clientLogger),
            settings: pollerSettings, logger: clientLogger, status: PollerStatus(recentCycleCapacity: configuration.admin.recentCycles))
    }
}

/// The poller's state in the shape `/api/v1/health` shows.
struct ResultsPollerHealthAdapter: BackgroundServiceHealth {
    let status: PollerStatus

    func healthReport() async -> BackgroundServiceHealthReport {
        let health = await status.health
        return BackgroundServiceHealthReport(
            state: health.state.rawValue, lastSuccess: health.lastSuccess, lastError: health.lastError, pending: health.pendingPosts)
    }
}
