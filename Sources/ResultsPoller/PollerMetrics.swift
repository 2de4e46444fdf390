import CoreMetrics

/// The poller's Prometheus counters (through swift-metrics; the server's registry in `serve`).
public struct PollerMetrics: Sendable {
    let cycles: Counter
    let resultsFetched: Counter
    let postsPublished: Counter
    /// Results seen again whose posts were already decided: not posted twice.
    let duplicatesSkipped: Counter
    let memberFailures: Counter
    let publishFailures: Counter

    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        cycles = Counter(label: "trailbrake_iracing_poll_cycles_total", factory: factory)
        resultsFetched = Counter(label: "trailbrake_iracing_results_fetched_total", factory: factory)
        postsPublished = Counter(label: "trailbrake_iracing_posts_published_total", factory: factory)
        duplicatesSkipped = Counter(label: "trailbrake_iracing_duplicates_skipped_total", factory: factory)
        memberFailures = Counter(label: "trailbrake_iracing_member_failures_total", factory: factory)
        publishFailures = Counter(label: "trailbrake_iracing_publish_failures_total", factory: factory)
    }
}
