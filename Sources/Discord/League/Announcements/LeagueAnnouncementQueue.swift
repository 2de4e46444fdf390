import Synchronization

/// Claim and release announcements waiting for the channel: commands offer them without
/// waiting (the member's reply never waits on the channel post), one task posts them in order.
/// Bounded: when posts fall behind by `capacity`, the oldest are dropped and counted; the
/// change itself is in the audit log whatever happens to its announcement.
public final class LeagueAnnouncementQueue: Sendable {
    struct Announcement: Sendable, Equatable {
        var channelID: String
        var text: String
        /// Makes a retried post harmless (Discord's `enforce_nonce`).
        var nonce: String
    }

    private struct Contents {
        var items: [Announcement] = []
        var dropped = 0
        var waiter: CheckedContinuation<Void, Never>?
    }

    public let capacity: Int
    private let contents = Mutex(Contents())

    init(capacity: Int) { self.capacity = max(1, capacity) }

    /// Announcements dropped because the queue was full.
    public var droppedCount: Int { contents.withLock { $0.dropped } }
    public var count: Int { contents.withLock { $0.items.count } }

    func offer(_ announcement: Announcement) {
        let waiter = contents.withLock { contents -> CheckedContinuation<Void, Never>? in
            if contents.items.count >= capacity {
                contents.items.removeFirst()
                contents.dropped += 1
            }
            contents.items.append(announcement)
            defer { contents.waiter = nil }
            return contents.waiter
        }
        waiter?.resume()
    }

    /// The next announcement, waiting for one; nil when the task is cancelled.
    func next() async -> Announcement? {
        while !Task.isCancelled {
            if let item = contents.withLock({ $0.items.isEmpty ? nil : $0.items.removeFirst() }) { return item }
            await withTaskCancellationHandler {
                await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
                    let ready = contents.withLock { contents -> Bool in
                        if !contents.items.isEmpty || Task.isCancelled { return true }
                        contents.waiter = continuation
                        return false
                    }
                    if ready { continuation.resume() }
                }
            } onCancel: {
                self.wake()
            }
        }
        return nil
    }

    private func wake() {
        let waiter = contents.withLock { contents in
            defer { contents.waiter = nil }
            return contents.waiter
        }
        waiter?.resume()
    }
}
