import Coaching
import FrameRing
import Synchronization

/// The hand-off between a connection's inbound loop (the only producer) and its session's
/// consumer task (the only consumer): FrameRing's lock-free `SPSCRing` of frames, plus the
/// highest batch sequence whose frames are all in the ring.
///
/// When the ring is full the producer waits in `waitForSpace` (it stops reading its socket, so
/// TCP holds this one client back) until the consumer's next drain wakes it: no polling.
final class FrameInbox: Sendable {
    private let ring: SPSCRing<LiveFrame>
    /// Stored with release after a batch's last push and loaded with acquire before a drain, so
    /// a consumer that read `n` has every frame of batches up to `n` available to pop.
    private let published: Atomic<UInt64>
    private let space = Mutex(SpaceSignal())

    /// The producer's wait for the consumer. `freed` remembers a drain that nobody waited for,
    /// so a drain between a failed push and the wait is not missed.
    private struct SpaceSignal {
        var waiter: CheckedContinuation<Bool, Never>?
        var freed = false
        var closed = false
    }

    init(capacity: Int, publishedSequence: UInt64 = 0) {
        self.ring = SPSCRing(capacity: capacity)
        self.published = Atomic(publishedSequence)
    }

    /// Producer: appends a frame, false when full.
    func tryPush(_ frame: LiveFrame) -> Bool { ring.push(frame) }

    /// Consumer: removes the oldest frame.
    func pop() -> LiveFrame? { ring.pop() }

    /// Producer: every frame of batch `sequence` has been pushed.
    func publish(_ sequence: UInt64) { published.store(sequence, ordering: .releasing) }

    /// The highest batch sequence accepted so far (the next expected one is this + 1).
    var publishedSequence: UInt64 { published.load(ordering: .acquiring) }

    /// Producer, after a failed push: returns once the consumer has drained since the last wait
    /// (then push again), false when the inbox is closed or the task cancelled.
    func waitForSpace() async -> Bool {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow: Bool? = space.withLock { signal in
                    if signal.closed || Task.isCancelled { return false }
                    if signal.freed {
                        signal.freed = false
                        return true
                    }
                    signal.waiter = continuation
                    return nil
                }
                if let resumeNow { continuation.resume(returning: resumeNow) }
            }
        } onCancel: {
            space.withLock { $0.waiter.take() }?.resume(returning: false)
        }
    }

    /// Consumer: frames were popped; wakes a waiting producer.
    func spaceFreed() {
        let waiter = space.withLock { signal in
            guard let waiter = signal.waiter.take() else {
                signal.freed = true
                return nil as CheckedContinuation<Bool, Never>?
            }
            return waiter
        }
        waiter?.resume(returning: true)
    }

    /// The session has ended: a waiting producer and every later wait get false.
    func close() {
        let waiter = space.withLock { signal in
            signal.closed = true
            return signal.waiter.take()
        }
        waiter?.resume(returning: false)
    }
}
