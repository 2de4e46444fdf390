import CoreMetrics

/// The client's Prometheus counters. Created through swift-metrics, so they land in whatever
/// `MetricsSystem` the process bootstrapped (the server's Prometheus registry in `serve`).
public struct IRacingMetrics: Sendable {
    /// Token grants refused and 401s from the data API.
    let authFailures: Counter
    /// HTTP 429 answers from the data API.
    let rateLimited: Counter
    /// Requests sent to the data API (one rate-limit unit each).
    let dataRequests: Counter

    public init(factory: any MetricsFactory = MetricsSystem.factory) {
        authFailures = Counter(label: "trailbrake_iracing_auth_failures_total", factory: factory)
        rateLimited = Counter(label: "trailbrake_iracing_rate_limited_total", factory: factory)
        dataRequests = Counter(label: "trailbrake_iracing_requests_total", factory: factory)
    }
}
