import NIOCore
import Synchronization

/// When the ack ticker should drain a session, decided without a hop onto it.
///
/// A session streaming batches drains at every batch (on its socket's event loop), and an ack
/// held back by `live.ack_interval_ms` goes out with a later batch when one is expected soon
/// (`LiveSession.heldWorkDue`). The ticker is
/// needed for what no batch will send: the ack owed to a client that stopped sending (or waits
/// for that ack before it sends more), a cue held back for its clip. Each drain leaves here when
/// its held work is due; the ticker drains only sessions whose held work is due by its tick, so
/// a session with nothing held, or holding an ack not due yet, costs the ticker one atomic load.
/// A held ack goes out at most one tick (a quarter of the ack interval) after it is due to the ticker.
final class TickGate: Sendable {
    /// Uptime nanoseconds (`NIODeadline`) at which held work is due; `.max`: nothing held.
    private let dueAt = Atomic<UInt64>(.max)

    /// Every drain: when what it held back is due, nil when it held nothing.
    func drainEnded(holdingUntil due: NIODeadline?) {
        dueAt.store(due?.uptimeNanoseconds ?? .max, ordering: .relaxed)
    }

    /// Something outside a drain is owed now (a socket attached: its first ack).
    func hold() { dueAt.store(0, ordering: .relaxed) }

    /// The ticker: whether the session holds work that is due by `now`.
    func shouldWake(at now: NIODeadline) -> Bool {
        dueAt.load(ordering: .relaxed) <= now.uptimeNanoseconds
    }
}
