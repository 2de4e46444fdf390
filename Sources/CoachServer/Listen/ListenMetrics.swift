import CoreMetrics
import Metrics
import Synchronization

/// The listen mirror's metrics, in the server's registry beside `ServerMetrics`.
final class ListenMetrics: Sendable {
    /// Listeners connected now, over all drivers.
    private let listeners: CoreMetrics.Gauge
    private let listenerTotal = Atomic<Int>(0)
    /// Messages a listener never got because it was behind: newer deltas replaced older ones, or clips.
    private let droppedDeltas: CoreMetrics.Counter
    private let droppedClips: CoreMetrics.Counter
    /// Listeners closed for staying behind (4013 `listener_too_slow`).
    let closedTooSlow: CoreMetrics.Counter

    init(metrics: ServerMetrics) {
        let factory = metrics.factory
        listeners = CoreMetrics.Gauge(label: "trailbrake_listeners", factory: factory)
        droppedDeltas = CoreMetrics.Counter(
            label: "trailbrake_listen_dropped_total", dimensions: [("kind", "delta")], factory: factory)
        droppedClips = CoreMetrics.Counter(
            label: "trailbrake_listen_dropped_total", dimensions: [("kind", "clip")], factory: factory)
        closedTooSlow = CoreMetrics.Counter(label: "trailbrake_listeners_closed_slow_total", factory: factory)
    }

    func listenerCountChanged(by change: Int) {
        let total = listenerTotal.add(change, ordering: .relaxed).newValue
        listeners.record(total)
    }

    func record(_ outcome: ListenerQueue.PushOutcome) {
        if outcome.droppedDeltas > 0 { droppedDeltas.increment(by: outcome.droppedDeltas) }
        if outcome.droppedClips > 0 { droppedClips.increment(by: outcome.droppedClips) }
        if outcome.closed { closedTooSlow.increment() }
    }
}
