import Synchronization
import Tracing

/// Sampled batches' spans on their way from the connection (which starts them when it reads the
/// message) to the session's consumer (which ends them once the batch's cues are queued).
///
/// The connection adds a batch's span before it pushes the batch's frames, so the consumer finds
/// it when it meets the first of them. Bounded by the frame ring's capacity (every accepted
/// batch has at least one frame in the ring): past it a span ends at once, marked untracked.
final class LiveBatchSpans: Sendable {
    private let capacity: Int
    /// `carried`: a batch the consumer began and handed back, its last frames not pushed yet.
    private let spans = Mutex<[(sequence: UInt64, span: any Span, carried: Bool)]>([])
    /// Read on every batch boundary by the consumer: zero means no lock is taken.
    private let count = Atomic<Int>(0)

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Connection: batch `sequence` was sampled and is about to enter the ring.
    func add(_ span: any Span, sequence: UInt64, carried: Bool = false) {
        let added = spans.withLock { list -> Bool in
            guard list.count < capacity else { return false }
            list.append((sequence, span, carried))
            count.store(list.count, ordering: .relaxed)
            return true
        }
        guard !added else { return }
        span.attributes["trailbrake.trace.untracked"] = true
        span.end()
    }

    /// Consumer: the span of batch `sequence`, if it was sampled.
    func take(_ sequence: UInt64) -> (any Span)? {
        guard count.load(ordering: .relaxed) > 0 else { return nil }
        return spans.withLock { list in
            guard let index = list.firstIndex(where: { $0.sequence == sequence }) else { return nil }
            let span = list.remove(at: index).span
            count.store(list.count, ordering: .relaxed)
            return span
        }
    }

    /// Consumer, after a drain: batches it handed back whose frames have all been published
    /// since (`upTo`) and were not met again (their last frame came in the earlier drain) end.
    func endCarried(upTo sequence: UInt64) {
        guard count.load(ordering: .relaxed) > 0 else { return }
        let done = spans.withLock { list in
            let done = list.filter { $0.carried && $0.sequence <= sequence }.map(\.span)
            list.removeAll { $0.carried && $0.sequence <= sequence }
            count.store(list.count, ordering: .relaxed)
            return done
        }
        for span in done { span.end() }
    }

    /// The session ended: batches never coached end now.
    func endAll() {
        let left = spans.withLock { list in
            defer { list.removeAll() }
            count.store(0, ordering: .relaxed)
            return list.map(\.span)
        }
        for span in left { span.end() }
    }
}
