import Foundation
import Logging
import ServiceLifecycle
import Storage

/// Runs `[storage] telemetry_retention_days` at start-up and then every `interval` (a day):
/// one timer of its own, sleeping until the next run, cancelled by graceful shutdown. A failed
/// run (database busy, disk full) is logged and tried again at the next one; it never stops
/// the server.
public struct TelemetryRetentionService: Service {
    public static let day: Duration = .seconds(86_400)

    let retention: TelemetryRetention
    let days: Int
    let interval: Duration
    let logger: Logger
    let metrics: ServerMetrics?
    /// The wall clock retention measures ages against (a test moves it forward).
    let now: @Sendable () -> Date
    /// Each finished run's count of laps that lost their telemetry (nil for a failed run), for
    /// tests; keeps the newest few if nobody reads it.
    public let runs: AsyncStream<Int?>
    private let runsContinuation: AsyncStream<Int?>.Continuation

    public init(
        database: TrailbrakeDatabase, days: Int, interval: Duration = Self.day, metrics: ServerMetrics? = nil, logger: Logger,
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        retention = TelemetryRetention(database: database)
        self.now = now
        self.days = days
        self.interval = interval
        self.metrics = metrics
        self.logger = logger
        (runs, runsContinuation) = AsyncStream.makeStream(of: Int?.self, bufferingPolicy: .bufferingNewest(8))
    }

    public func run() async throws {
        defer { runsContinuation.finish() }
        guard days > 0 else { return }
        logger.info("telemetry retention: laps' telemetry older than \(days) days is deleted daily")
        let clock = ContinuousClock()
        var next = clock.now
        while !Task.isCancelled, !Task.isShuttingDownGracefully {
            await runOnce()
            next = next.advanced(by: interval)
            let deadline = next
            // The only wait: until the next run, ended at once by shutdown.
            do { try await cancelWhenGracefulShutdown { try await Task.sleep(until: deadline, clock: clock) } } catch { return }
        }
    }

    func runOnce() async {
        do {
            let deleted = try await retention.deleteTelemetry(olderThanDays: days, now: now())
            metrics?.recordTelemetryRetention(deletedLaps: deleted)
            if deleted > 0 { logger.info("telemetry retention: deleted the telemetry of \(deleted) laps older than \(days) days") }
            runsContinuation.yield(deleted)
        } catch {
            logger.error("telemetry retention failed; next try in a day", metadata: ["error": "\(error)"])
            runsContinuation.yield(nil)
        }
    }
}
