import Integration
import Synchronization

/// The live server's side of the feed: `offer` takes a lock for a few instructions and returns,
/// whatever Discord is doing. The queue is bounded; when the bot's task falls behind, the oldest
/// events are dropped (and counted), since a late lap summary is worth less than a fresh one.
public final class CoachingFeedQueue: CoachingFeedSink, Sendable {
    private struct Contents {
        var events: [CoachingFeedEvent] = []
        var head = 0
        var dropped = 0
        var waiter: CheckedContinuation<Void, Never>?
    }

    public let capacity: Int
    private let contents = Mutex(Contents())

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Queues an event; never waits.
    public func offer(_ event: CoachingFeedEvent) {
        let waiter = contents.withLock { contents -> CheckedContinuation<Void, Never>? in
            if contents.events.count - contents.head >= capacity {
                contents.head += 1
                contents.dropped += 1
            }
            contents.events.append(event)
            // Compact now and then, so the array does not grow without bound.
            if contents.head > capacity {
                contents.events.removeFirst(contents.head)
                contents.head = 0
            }
            defer { contents.waiter = nil }
            return contents.waiter
        }
        waiter?.resume()
    }

    /// Events dropped so far because the queue was full.
    public var droppedCount: Int { contents.withLock { $0.dropped } }
    /// Events waiting.
    public var count: Int { contents.withLock { $0.events.count - $0.head } }

    /// Takes everything queued (possibly nothing).
    func takeAll() -> [CoachingFeedEvent] {
        contents.withLock { contents in
            let taken = Array(contents.events[contents.head...])
            contents.events.removeAll(keepingCapacity: true)
            contents.head = 0
            return taken
        }
    }

    /// Waits until at least one event is queued (returns at once if one is).
    func waitForEvents() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = contents.withLock { contents -> Bool in
                if contents.events.count > contents.head || Task.isCancelled { return true }
                contents.waiter = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }

    /// Wakes a waiting drainer without an event (shutdown).
    func wake() {
        let waiter = contents.withLock { contents in
            defer { contents.waiter = nil }
            return contents.waiter
        }
        waiter?.resume()
    }
}
