import CoreMetrics
import Metrics
import Synchronization

/// The listen mirror's metrics, in the server's registry beside `ServerMetrics`. What a slow
/// listener's socket drops is counted with every socket's, in `trailbrake_live_outbound_dropped_total`.
final class ListenMetrics: Sendable {
    /// Listeners connected now, over all drivers.
    private let listeners: CoreMetrics.Gauge
    private let listenerTotal = Atomic<Int>(0)
    /// Listeners closed for staying behind (4013 `listener_too_slow`).
    private let closedTooSlow: CoreMetrics.Counter

    init(metrics: ServerMetrics) {
        let factory = metrics.factory
        listeners = CoreMetrics.Gauge(label: "trailbrake_listeners", factory: factory)
        closedTooSlow = CoreMetrics.Counter(label: "trailbrake_listeners_closed_slow_total", factory: factory)
    }

    func listenerCountChanged(by change: Int) {
        let total = listenerTotal.add(change, ordering: .relaxed).newValue
        listeners.record(total)
    }

    func listenerClosedTooSlow() { closedTooSlow.increment() }
}
