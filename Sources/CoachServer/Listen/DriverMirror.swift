import Coaching
import Foundation
import NIOCore
import Synchronization

/// One driver's listeners, and the live session they follow: the fan-out behind
/// `/api/v1/coaching/listen`.
///
/// The driver's `LiveSession` hands every message it queues for the driver to `publish`, which
/// encodes it once and queues it on each listener's socket (`SocketSender`: its own bounded
/// outbound queue, a lock and no wait), so a listener never slows the driver. A listener that
/// stays behind is closed by its socket (4013 `listener_too_slow`). A driver nobody listens to
/// pays one atomic load per message.
///
/// Listeners follow the session that attached last (a driver's new session, or a resumed one):
/// each gets that session's `welcome` as it starts, or on joining mid-session, then its
/// `delta`, `cue`, `lap` and voice clips; `ack`, `lap_stored` and `error` are the driver's own.
final class DriverMirror: Sendable {
    /// The server's voice and the session's language: listeners hear every cue the server can
    /// voice, whatever the driver chose in `hello`.
    struct SessionVoice: Sendable {
        let voice: any CueVoice
        let language: CueLanguage
    }

    /// A listener's socket and what it was admitted with.
    private struct Listener {
        let socket: SocketSender
        let credential: ListenCredential?
    }

    private struct State {
        var listeners: [UInt64: Listener] = [:]
        var nextListenerID: UInt64 = 1
        /// The session listeners follow, its `welcome` (for listeners joining later) and voice.
        var activeSession: String?
        var welcome: OutboundMessage?
        var voice: SessionVoice?
    }

    let driverID: Int64
    private let maximumListeners: Int
    private let metrics: ListenMetrics
    private let state = Mutex(State())
    private let listenerCount = Atomic<Int>(0)

    init(driverID: Int64, maximumListeners: Int, metrics: ListenMetrics) {
        self.driverID = driverID
        self.maximumListeners = maximumListeners
        self.metrics = metrics
    }

    /// Whether anyone listens now; read on every message without the lock.
    var hasListeners: Bool { attachedListeners > 0 }

    /// Listeners attached now.
    var attachedListeners: Int { listenerCount.load(ordering: .relaxed) }

    // MARK: Listeners

    /// Adds a listener's socket, admitted with `credential`, with the followed session's
    /// `welcome` already queued on it; returns its id, or nil when the driver has
    /// `maximumListeners` already.
    func attach(_ socket: SocketSender, credential: ListenCredential?) -> UInt64? {
        let id: UInt64? = state.withLock { state in
            guard state.listeners.count < maximumListeners else { return nil }
            let id = state.nextListenerID
            state.nextListenerID += 1
            state.listeners[id] = Listener(socket: socket, credential: credential)
            listenerCount.store(state.listeners.count, ordering: .relaxed)
            if let welcome = state.welcome { socket.send(welcome) }
            return id
        }
        guard id != nil else { return nil }
        metrics.listenerCountChanged(by: 1)
        return id
    }

    /// The listener's socket has ended (or stopped taking messages earlier: then it is gone already).
    func detach(_ id: UInt64) {
        let removed = state.withLock { state in
            let socket = state.listeners.removeValue(forKey: id)
            listenerCount.store(state.listeners.count, ordering: .relaxed)
            return socket != nil
        }
        if removed { metrics.listenerCountChanged(by: -1) }
    }

    /// The credentials the attached listeners were admitted with.
    var credentials: Set<ListenCredential> {
        state.withLock { state in Set(state.listeners.values.compactMap(\.credential)) }
    }

    /// Closes every listener admitted with one of `credentials`: it hears nothing more from the
    /// driver, is told `ending` in an `error` and closed with 4401 (after what was queued for it,
    /// within `listen.slow_listener_seconds` or it is closed as too slow). Returns how many.
    @discardableResult
    func close(admittedWith credentials: Set<ListenCredential>, ending: ListenCredential.Ending) -> Int {
        let closing: [SocketSender] = state.withLock { state in
            let ids = state.listeners.filter { $0.value.credential.map(credentials.contains) ?? false }.keys
            let sockets = ids.compactMap { state.listeners.removeValue(forKey: $0)?.socket }
            listenerCount.store(state.listeners.count, ordering: .relaxed)
            return sockets
        }
        guard !closing.isEmpty else { return 0 }
        metrics.listenerCountChanged(by: -closing.count)
        for socket in closing {
            socket.send(.text(ending.errorJSON))
            socket.close(ListenCredential.Ending.closeCode, reason: ending.rawValue)
        }
        return closing.count
    }

    // MARK: The driver's session

    /// The session now feeds the driver's socket: listeners follow it from its `welcome` on.
    func sessionAttached(_ sessionID: String, welcome: OutboundMessage, voice: SessionVoice?) {
        // One lock: a listener attaching now gets this welcome once, queued or delivered.
        deliver([welcome], from: sessionID, before: { state in
            state.activeSession = sessionID
            state.welcome = welcome
            state.voice = voice
        })
    }

    /// The session is over: listeners hear `session_ended` and wait for the driver's next one.
    func sessionEnded(_ sessionID: String) {
        var writer = JSONTextWriter(capacity: 96)
        writer.beginObject()
        writer.key("type")
        writer.string("session_ended")
        writer.key("session")
        writer.string(sessionID)
        writer.endObject()
        deliver([.text(writer.buffer)], from: sessionID, after: { state in
            guard state.activeSession == sessionID else { return }
            state.activeSession = nil
            state.welcome = nil
            state.voice = nil
        })
    }

    /// A message the session wrote (or would have written) to the driver.
    func publish(_ message: ServerMessage, from sessionID: String) {
        guard hasListeners else { return }
        switch message {
        case .ack, .error, .welcome, .lapStored:
            return
        case .delta, .lap:
            deliver([Self.text(message)], from: sessionID)
        case .cue(let cue, let clip):
            publishCue(cue, driverClip: clip, from: sessionID)
        }
    }

    /// The cue with its clip right behind it when the clip is ready (the driver's, or the
    /// server's voice asked now); else the cue alone and the clip late, as the driver would get it.
    private func publishCue(_ cue: Cue, driverClip: CueClip?, from sessionID: String) {
        let voice = state.withLock { $0.activeSession == sessionID ? $0.voice : nil }
        let clip = driverClip ?? voice.flatMap { $0.voice.readyClip(for: cue.text, language: $0.language) }
        let clipMessage = clip.flatMap { VoiceClipMessage.encode(cueID: cue.id, clip: $0) }
        var messages = [Self.text(.cue(cue, clip: clipMessage == nil ? nil : clip))]
        if let clipMessage { messages.append(.binary(ByteBuffer(bytes: clipMessage), kind: .voiceClip)) }
        deliver(messages, from: sessionID)
        guard clipMessage == nil, let voice else { return }
        let sentAt = ContinuousClock.now
        Task {
            guard let late = await voice.voice.renderedClip(for: cue.text, language: voice.language),
                ContinuousClock.now - sentAt <= LiveSession.lateClipWindow,
                let bytes = VoiceClipMessage.encode(cueID: cue.id, clip: late)
            else { return }
            self.deliver([.binary(ByteBuffer(bytes: bytes), kind: .voiceClip)], from: sessionID)
        }
    }

    /// Queues `messages`, in order and together, on every listener's socket while `sessionID` is
    /// the followed session; a socket that takes no more (closing, or closed for being slow) is
    /// forgotten. `before` and `after` change the state under the same lock.
    private func deliver(
        _ messages: [OutboundMessage], from sessionID: String, before: (inout State) -> Void = { _ in },
        after: (inout State) -> Void = { _ in }
    ) {
        let gone: Int = state.withLock { state in
            before(&state)
            defer { after(&state) }
            guard state.activeSession == sessionID else { return 0 }
            var gone = 0
            for (id, listener) in state.listeners {
                for message in messages where !listener.socket.send(message) {
                    state.listeners[id] = nil
                    gone += 1
                    break
                }
            }
            listenerCount.store(state.listeners.count, ordering: .relaxed)
            return gone
        }
        if gone > 0 { metrics.listenerCountChanged(by: -gone) }
    }

    private static func text(_ message: ServerMessage) -> OutboundMessage {
        message.outboundMessage(using: ServerMessage.makeEncoder())
    }
}
