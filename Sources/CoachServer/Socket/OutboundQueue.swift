import NIOWebSocket
import Synchronization

/// The messages one socket has not written yet, bounded in bytes.
///
/// Any task may add (a session's consumer, its connection, a listener's feed); only the socket's
/// event loop takes them out, and only while the channel is writable, so a client that reads
/// slowly fills this queue instead of the channel's unbounded buffer. When a message does not
/// fit, queued messages of its kind or a less important one make room, deltas first, then voice
/// clips; a delta or clip that still does not fit is dropped; a cue, lap, ack or error that does
/// not fit overflows the queue and the socket is closed (`slow_consumer`): those are never
/// dropped silently.
final class OutboundQueue: Sendable {
    enum Outcome: Equatable, Sendable {
        case queued
        /// The new message itself was dropped (a delta or clip that did not fit).
        case dropped
        /// An essential message did not fit: the queue is abandoned and the socket must close.
        case overflow
        /// The socket is closing or closed; nothing is queued any more.
        case closed
    }

    struct Admission: Equatable, Sendable {
        var outcome: Outcome
        /// True for the first message after the queue was emptied: the caller asks the event
        /// loop to write (later ones ride on that request).
        var needsFlush = false
        /// Bytes waiting in the queue with this message.
        var bytesQueued = 0
        /// Queued messages dropped to make room (or the new one, when `outcome` is `.dropped`).
        var droppedDeltas = 0
        var droppedClips = 0
    }

    enum Next: Sendable {
        case message(OutboundMessage)
        /// Every message before the close was written: write the close frame now.
        case close(WebSocketErrorCode, reason: String?)
        case empty
    }

    private struct State {
        var messages: [OutboundMessage?] = []
        var head = 0
        var bytes = 0
        var flushRequested = false
        var accepting = true
        var close: (code: WebSocketErrorCode, reason: String?)?
    }

    let capacityBytes: Int
    private let state = Mutex(State())

    init(capacityBytes: Int) {
        self.capacityBytes = capacityBytes
    }

    /// Bytes waiting now.
    var queuedBytes: Int { state.withLock { $0.bytes } }

    func enqueue(_ message: OutboundMessage) -> Admission {
        state.withLock { state in
            guard state.accepting else { return Admission(outcome: .closed) }
            var admission = Admission(outcome: .queued)
            if state.bytes + message.size > capacityBytes {
                Self.makeRoom(for: message, in: &state, capacity: capacityBytes, counting: &admission)
            }
            if state.bytes + message.size > capacityBytes {
                switch message.kind {
                case .delta: admission.droppedDeltas += 1
                case .voiceClip: admission.droppedClips += 1
                case .essential:
                    Self.abandon(&state)
                    admission.outcome = .overflow
                    return admission
                }
                admission.outcome = .dropped
                return admission
            }
            state.messages.append(message)
            state.bytes += message.size
            admission.bytesQueued = state.bytes
            admission.needsFlush = !state.flushRequested
            state.flushRequested = true
            return admission
        }
    }

    /// Queues the close frame behind every message already queued; nothing is accepted after it.
    /// False when the socket was already closing.
    func requestClose(_ code: WebSocketErrorCode, reason: String?) -> Bool {
        state.withLock { state in
            guard state.accepting else { return false }
            state.accepting = false
            state.close = (code, reason)
            state.flushRequested = true
            return true
        }
    }

    /// Event loop: the next thing to write. `.empty` also ends the flush request, so the next
    /// `enqueue` asks for a new one.
    func next() -> Next {
        state.withLock { state in
            if state.head < state.messages.count, let message = state.messages[state.head] {
                state.messages[state.head] = nil
                state.head += 1
                state.bytes -= message.size
                if state.head == state.messages.count {
                    state.messages.removeAll(keepingCapacity: true)
                    state.head = 0
                }
                return .message(message)
            }
            if let close = state.close {
                state.close = nil
                return .close(close.code, reason: close.reason)
            }
            state.flushRequested = false
            return .empty
        }
    }

    /// The socket is gone or given up on: drops everything and refuses what comes later.
    func abandon() {
        state.withLock { Self.abandon(&$0) }
    }

    private static func abandon(_ state: inout State) {
        state.accepting = false
        state.messages = []
        state.head = 0
        state.bytes = 0
        state.close = nil
    }

    /// Drops queued messages that matter no more than `message`, least important and oldest
    /// first, until it fits or nothing droppable is left.
    private static func makeRoom(
        for message: OutboundMessage, in state: inout State, capacity: Int, counting admission: inout Admission
    ) {
        let victims: [OutboundMessage.Kind] =
            switch message.kind {
            case .delta: [.delta]
            case .voiceClip: [.delta, .voiceClip]
            case .essential: [.delta, .voiceClip]
            }
        for kind in victims where state.bytes + message.size > capacity {
            var kept: [OutboundMessage?] = []
            kept.reserveCapacity(state.messages.count - state.head)
            for case let queued? in state.messages[state.head...] {
                guard queued.kind == kind, state.bytes + message.size > capacity else {
                    kept.append(queued)
                    continue
                }
                state.bytes -= queued.size
                if kind == .delta { admission.droppedDeltas += 1 } else { admission.droppedClips += 1 }
            }
            state.messages = kept
            state.head = 0
        }
    }
}
