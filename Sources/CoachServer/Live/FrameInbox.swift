import Coaching
import FrameRing
import Synchronization
import Telemetry

/// The hand-off between a connection's inbound loop (the only producer) and its session's drain
/// (the only consumer: drains run one at a time on the `LiveSession` actor, on the task of
/// whoever asked for one): FrameRing's lock-free `SPSCRing` of frames, plus the highest batch
/// sequence whose frames are all in the ring.
///
/// The connection drains the session after every batch and whenever a push finds the ring
/// full, so nothing ever waits for room: a batch larger than `live.ring_capacity` is coached in
/// ring-sized parts. A finishing session no longer drains, and its connection is then closed.
final class FrameInbox: Sendable {
    private let ring: SPSCRing<LiveFrame>
    /// Stored with release after a batch's last push and loaded with acquire before a drain, so
    /// a consumer that read `n` has every frame of batches up to `n` available to pop.
    private let published: Atomic<UInt64>

    init(capacity: Int, publishedSequence: UInt64 = 0) {
        self.ring = SPSCRing(capacity: capacity)
        self.published = Atomic(publishedSequence)
    }

    /// Producer: pushes `batch`'s frames from index `start` on while they fit; returns the index
    /// of the first frame not pushed (`batch.frames.count` when all of them were).
    func push(_ batch: FrameBatch, from start: Int) -> Int {
        var index = start
        while index < batch.frames.count, ring.push(LiveFrame(frame: batch.frames[index], batchSequence: batch.sequence)) {
            index += 1
        }
        return index
    }

    /// Consumer: removes the oldest frame.
    func pop() -> LiveFrame? { ring.pop() }

    /// Producer: every frame of batch `sequence` has been pushed.
    func publish(_ sequence: UInt64) { published.store(sequence, ordering: .releasing) }

    /// The highest batch sequence accepted so far (the next expected one is this + 1).
    var publishedSequence: UInt64 { published.load(ordering: .acquiring) }
}
