import Synchronization

/// The hand-off between a connection's inbound loop (the only producer) and its session's
/// consumer task: a bounded queue of frames plus the highest batch sequence fully pushed.
///
/// TEMPORARY storage: a mutex-guarded circular buffer until Coaching's lock-free `SPSCRing`
/// (branch `alignment`) is merged; the interface (`tryPush`, `pop`) is the ring's, so only the
/// `storage` property changes then.
final class FrameInbox: Sendable {
    private struct Storage {
        var slots: [LiveFrame?]
        var head = 0
        var count = 0
    }

    let capacity: Int
    private let storage: Mutex<Storage>
    /// Highest sequence whose frames are all in the queue (release on store, acquire on load), so
    /// a consumer that read it before draining has seen every frame of that batch.
    private let published: Atomic<UInt64>

    init(capacity: Int, publishedSequence: UInt64 = 0) {
        self.capacity = capacity
        self.storage = Mutex(Storage(slots: Array(repeating: nil, count: capacity)))
        self.published = Atomic(publishedSequence)
    }

    /// Producer: appends a frame, false when full.
    func tryPush(_ frame: LiveFrame) -> Bool {
        storage.withLock { storage in
            guard storage.count < capacity else { return false }
            storage.slots[(storage.head + storage.count) % capacity] = frame
            storage.count += 1
            return true
        }
    }

    /// Consumer: removes the oldest frame.
    func pop() -> LiveFrame? {
        storage.withLock { storage in
            guard storage.count > 0 else { return nil }
            let frame = storage.slots[storage.head]
            storage.slots[storage.head] = nil
            storage.head = (storage.head + 1) % capacity
            storage.count -= 1
            return frame
        }
    }

    /// Producer: every frame of batch `sequence` has been pushed.
    func publish(_ sequence: UInt64) { published.store(sequence, ordering: .releasing) }

    /// The highest batch sequence accepted so far (the next expected one is this + 1).
    var publishedSequence: UInt64 { published.load(ordering: .acquiring) }
}
