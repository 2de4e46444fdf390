import Synchronization

/// Whether the ack ticker should wake a session, decided without waking it.
///
/// A session streaming batches drains on its connection's task at every batch, and an ack held
/// back by `live.ack_interval_ms` goes out with a later batch; only a session whose batches have
/// stopped while it holds something (an ack, a cue waiting for its clip) needs the ticker.
/// Waking every attached session every interval cost a task wake-up and an actor hop per driver
/// four times a second. A held ack now goes out at most two intervals after its batch.
final class TickGate: Sendable {
    /// A drain ran since the ticker last looked.
    private let drained = Atomic(false)
    /// The last drain left something for a later one (an ack not sent yet, a cue held back).
    private let holding = Atomic(false)

    /// Every drain: `holding` is whether it left work that only a later drain can do.
    func drainEnded(holding: Bool) {
        self.holding.store(holding, ordering: .relaxed)
        drained.store(true, ordering: .relaxed)
    }

    /// Something outside a drain needs one (a socket attached: its first ack is owed).
    func hold() { holding.store(true, ordering: .relaxed) }

    /// The ticker, once per interval: true when the session holds work and has not drained
    /// since the previous tick (its batches stopped). Resets the "drained" mark.
    func shouldWake() -> Bool {
        let drainedSinceLastTick = drained.exchange(false, ordering: .relaxed)
        return !drainedSinceLastTick && holding.load(ordering: .relaxed)
    }
}
