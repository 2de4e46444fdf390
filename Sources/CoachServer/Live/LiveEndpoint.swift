import ServerSettings

/// What every live connection of the server shares: settings, dependencies, the session
/// registry, the ack ticker, the lap store, the rate limiter, tracing.
///
/// A class, so that a connection holds it by one reference: a `LiveConnection` lives in its
/// task's async frames for as long as the driver is connected, and these values copied into
/// every connection (a whole `CoachServerDependencies` and `ServerConfiguration.Live`) made each
/// of those frames larger by about a kilobyte (docs/performance.md).
final class LiveEndpoint: Sendable {
    let configuration: ServerConfiguration.Live
    let dependencies: CoachServerDependencies
    let registry: SessionRegistry
    let ackTicker: AckTicker
    let metrics: ServerMetrics
    /// Completed laps on their way to storage (fair, kept when the database fails).
    let lapStore: LapStoreQueue
    /// `live.batches_per_second` / `batch_burst` per driver.
    let batchLimiter: BatchRateLimiter
    /// `[tracing]` when on: a sampled batch gets a `live.batch` span from here to its cues.
    let tracing: LiveTracing?

    init(
        configuration: ServerConfiguration.Live, dependencies: CoachServerDependencies, registry: SessionRegistry,
        ackTicker: AckTicker, metrics: ServerMetrics, lapStore: LapStoreQueue, batchLimiter: BatchRateLimiter,
        tracing: LiveTracing?
    ) {
        self.configuration = configuration
        self.dependencies = dependencies
        self.registry = registry
        self.ackTicker = ackTicker
        self.metrics = metrics
        self.lapStore = lapStore
        self.batchLimiter = batchLimiter
        self.tracing = tracing
    }
}
