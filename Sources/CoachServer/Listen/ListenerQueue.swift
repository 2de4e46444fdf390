import NIOCore
import Synchronization

/// The messages waiting for one listener: bounded, so a slow listener never holds memory or
/// time of the driver's live path. The session side only ever calls `push` (a lock, never a
/// wait); the listener's socket task takes messages with `next`.
///
/// When the queue is full, deltas go first (and only the newest delta is ever kept: a
/// newer one replaces a waiting one in place), then the oldest voice clips. A listener that is
/// still over the bounds, or whose oldest waiting message is older than `maximumLag`, has stayed
/// behind: the queue closes with `.tooSlow` and its socket is closed (docs/protocol.md).
final class ListenerQueue: Sendable {
    enum Kind: Sendable { case delta, clip, other }

    struct Message: Sendable {
        let kind: Kind
        /// JSON text, or a binary voice clip message.
        let isText: Bool
        let bytes: ByteBuffer
    }

    struct Limits: Sendable {
        var messages: Int
        var bytes: Int
        var maximumLag: Duration
    }

    enum Closing: Sendable, Equatable {
        /// Stayed behind: closed with 4013 `listener_too_slow`.
        case tooSlow
        /// The listener went away, or the server is stopping.
        case ended
    }

    enum Next: Sendable {
        case send(Message)
        case close(Closing)
    }

    /// What a `push` did, for the metrics.
    struct PushOutcome: Sendable, Equatable {
        var droppedDeltas = 0
        var droppedClips = 0
        /// This push closed the queue (`.tooSlow`).
        var closed = false
    }

    private struct Entry {
        var message: Message
        let queuedAt: ContinuousClock.Instant
    }

    private struct State {
        /// Waiting messages from `head` on; the consumed prefix is compacted now and then.
        var entries: [Entry] = []
        var head = 0
        var bytes = 0
        var closing: Closing?
        var reader: CheckedContinuation<Next, Never>?
        var closeWatchers: [CheckedContinuation<Closing, Never>] = []

        var count: Int { entries.count - head }
    }

    let limits: Limits
    private let state = Mutex(State())

    init(limits: Limits) {
        self.limits = limits
    }

    /// Queues a message, dropping what the policy allows when the bounds are passed. Never waits.
    @discardableResult
    func push(_ message: Message, now: ContinuousClock.Instant = .now) -> PushOutcome {
        var outcome = PushOutcome()
        let resumed: (CheckedContinuation<Next, Never>, Next)? = state.withLock { state in
            guard state.closing == nil else { return nil }
            if message.kind == .delta, let waiting = state.entries[state.head...].lastIndex(where: { $0.message.kind == .delta }) {
                state.bytes += message.bytes.readableBytes - state.entries[waiting].message.bytes.readableBytes
                state.entries[waiting].message = message
                outcome.droppedDeltas += 1
            } else {
                state.entries.append(Entry(message: message, queuedAt: now))
                state.bytes += message.bytes.readableBytes
            }
            while state.count > limits.messages || state.bytes > limits.bytes {
                if let index = state.entries[state.head...].firstIndex(where: { $0.message.kind == .delta }) {
                    Self.remove(at: index, from: &state)
                    outcome.droppedDeltas += 1
                } else if let index = state.entries[state.head...].firstIndex(where: { $0.message.kind == .clip }) {
                    Self.remove(at: index, from: &state)
                    outcome.droppedClips += 1
                } else {
                    break
                }
            }
            let overBounds = state.count > limits.messages || state.bytes > limits.bytes
            let lagging = state.count > 0 && now - state.entries[state.head].queuedAt > limits.maximumLag
            if overBounds || lagging {
                outcome.closed = true
                return Self.close(.tooSlow, &state)
            }
            guard let reader = state.reader else { return nil }
            state.reader = nil
            return (reader, .send(Self.pop(&state)))
        }
        if let (reader, next) = resumed { reader.resume(returning: next) }
        return outcome
    }

    /// The next message, waiting for one; `.close` once the queue is closed (what was waiting
    /// is dropped then: a closing listener gets nothing more). Cancelling the waiting task closes
    /// the queue with `.ended`.
    func next() async -> Next {
        await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<Next, Never>) in
                let ready: Next? = state.withLock { state in
                    if let closing = state.closing { return .close(closing) }
                    if state.count > 0 { return .send(Self.pop(&state)) }
                    state.reader = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready) }
            }
        } onCancel: {
            close(.ended)
        }
    }

    /// Closes the queue (the first reason wins) and wakes whoever waits on it.
    func close(_ reason: Closing) {
        let resumed = state.withLock { state in Self.close(reason, &state) }
        if let (reader, next) = resumed { reader.resume(returning: next) }
    }

    /// Returns once the queue is closed, with why.
    func closed() async -> Closing {
        await withCheckedContinuation { continuation in
            let closing: Closing? = state.withLock { state in
                if let closing = state.closing { return closing }
                state.closeWatchers.append(continuation)
                return nil
            }
            if let closing { continuation.resume(returning: closing) }
        }
    }

    /// Messages waiting now (for tests and the metrics).
    var waitingCount: Int { state.withLock { $0.count } }

    /// Marks the queue closed and drops what waits; returns the reader to wake, if any. Close
    /// watchers are resumed under the lock, which is safe: resuming only schedules their task.
    private static func close(_ reason: Closing, _ state: inout State) -> (CheckedContinuation<Next, Never>, Next)? {
        guard state.closing == nil else { return nil }
        state.closing = reason
        state.entries = []
        state.head = 0
        state.bytes = 0
        for watcher in state.closeWatchers { watcher.resume(returning: reason) }
        state.closeWatchers = []
        guard let reader = state.reader else { return nil }
        state.reader = nil
        return (reader, .close(reason))
    }

    private static func pop(_ state: inout State) -> Message {
        let message = state.entries[state.head].message
        state.bytes -= message.bytes.readableBytes
        state.head += 1
        if state.head == state.entries.count {
            state.entries.removeAll(keepingCapacity: true)
            state.head = 0
        } else if state.head >= 32, state.head * 2 >= state.entries.count {
            state.entries.removeFirst(state.head)
            state.head = 0
        }
        return message
    }

    private static func remove(at index: Int, from state: inout State) {
        state.bytes -= state.entries[index].message.bytes.readableBytes
        state.entries.remove(at: index)
    }
}
