import Foundation
import IRacing
import Integration
import Logging
import ServiceLifecycle
import Storage

/// The results poller as a swift-service-lifecycle `Service`: a cycle every `pollInterval`
/// until graceful shutdown. Off unless `[iracing] enabled = true`; the `serve` command adds it
/// to the server's service group.
///
/// Every cycle starts by publishing what an earlier run left pending, so a post decided before
/// a crash goes out after the restart.
public struct ResultsPollerService: Service {
    public let status: PollerStatus
    let cycle: PollCycle
    let settings: ResultsPollerSettings
    let logger: Logger

    public init(
        source: any ResultsSource, database: TrailbrakeDatabase, publisher: any RaceResultPublisher,
        settings: ResultsPollerSettings = ResultsPollerSettings(), metrics: PollerMetrics = PollerMetrics(),
        logger: Logger, status: PollerStatus = PollerStatus()
    ) {
        let store = IRacingResultStore(database: database)
        self.cycle = PollCycle(
            source: source, store: store,
            outbox: OutboxPublisher(store: store, publisher: publisher, metrics: metrics, logger: logger),
            settings: settings, metrics: metrics, logger: logger)
        self.settings = settings
        self.logger = logger
        self.status = status
    }

    public func run() async throws {
        logger.info("iRacing results poller started", metadata: ["interval": "\(settings.pollInterval)"])
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                let started = ContinuousClock.now
                _ = await runCycle()
                let next = started.advanced(by: settings.pollInterval)
                try? await Task.sleep(until: next, clock: .continuous)
            }
        }
        await status.stopped()
        logger.info("iRacing results poller stopped")
    }

    /// Runs one cycle now; never throws (a failed cycle is logged and shown on /health).
    @discardableResult
    public func runCycle() async -> PollCycleReport {
        await status.cycleStarted()
        var report: PollCycleReport
        do {
            report = try await cycle.run()
        } catch {
            report = PollCycleReport()
            report.errors = [(error as? IRacingError)?.code ?? (error as? StorageError)?.code ?? "cycle_failed"]
            if !(error is CancellationError) {
                logger.error("iRacing poll cycle failed", metadata: ["error": "\(report.errors[0])"])
            }
        }
        await status.cycleFinished(report)
        logger.debug(
            "iRacing poll cycle done",
            metadata: [
                "members": "\(report.membersChecked)/\(report.trackedMembers)", "fetched": "\(report.resultsFetched)",
                "posted": "\(report.postsPublished)", "pending": "\(report.pendingAfter)",
            ])
        return report
    }
}
