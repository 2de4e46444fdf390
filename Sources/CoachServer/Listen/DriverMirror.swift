import Coaching
import Foundation
import NIOCore
import Synchronization

/// One driver's listeners, and the live session they follow: the fan-out behind
/// `/api/v1/coaching/listen`.
///
/// The driver's `LiveSession` hands every message it writes to `publish`, which encodes it once
/// and pushes it onto each listener's bounded `ListenerQueue`: a lock and no wait, so a listener
/// never slows the driver. A driver nobody listens to pays one atomic load per message.
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

    private struct State {
        var listeners: [UInt64: ListenerQueue] = [:]
        var nextListenerID: UInt64 = 1
        /// The session listeners follow, its `welcome` (for listeners joining later) and voice.
        var activeSession: String?
        var welcome: ByteBuffer?
        var voice: SessionVoice?
    }

    let driverID: Int64
    private let limits: ListenerQueue.Limits
    private let maximumListeners: Int
    private let metrics: ListenMetrics
    private let state = Mutex(State())
    private let listenerCount = Atomic<Int>(0)

    init(driverID: Int64, limits: ListenerQueue.Limits, maximumListeners: Int, metrics: ListenMetrics) {
        self.driverID = driverID
        self.limits = limits
        self.maximumListeners = maximumListeners
        self.metrics = metrics
    }

    /// Whether anyone listens now; read on every message without the lock.
    var hasListeners: Bool { attachedListeners > 0 }

    /// Listeners attached now.
    var attachedListeners: Int { listenerCount.load(ordering: .relaxed) }

    // MARK: Listeners

    /// A new listener's queue, already holding the followed session's `welcome`; nil when the
    /// driver has `maximumListeners` already.
    func attach() -> (id: UInt64, queue: ListenerQueue)? {
        let queue = ListenerQueue(limits: limits)
        let id: UInt64? = state.withLock { state in
            guard state.listeners.count < maximumListeners else { return nil }
            let id = state.nextListenerID
            state.nextListenerID += 1
            state.listeners[id] = queue
            listenerCount.store(state.listeners.count, ordering: .relaxed)
            if let welcome = state.welcome { queue.push(.init(kind: .other, isText: true, bytes: welcome)) }
            return id
        }
        guard let id else { return nil }
        metrics.listenerCountChanged(by: 1)
        return (id, queue)
    }

    /// The listener went away (or was closed for being slow).
    func detach(_ id: UInt64) {
        let queue = state.withLock { state in
            let queue = state.listeners.removeValue(forKey: id)
            listenerCount.store(state.listeners.count, ordering: .relaxed)
            return queue
        }
        guard let queue else { return }
        queue.close(.ended)
        metrics.listenerCountChanged(by: -1)
    }

    // MARK: The driver's session

    /// The session now feeds the driver's socket: listeners follow it from its `welcome` on.
    func sessionAttached(_ sessionID: String, welcome: String, voice: SessionVoice?) {
        let buffer = ByteBuffer(string: welcome)
        // One lock: a listener attaching now gets this welcome once, queued or delivered.
        deliver([.init(kind: .other, isText: true, bytes: buffer)], from: sessionID, before: { state in
            state.activeSession = sessionID
            state.welcome = buffer
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
        deliver([.init(kind: .other, isText: true, bytes: writer.buffer)], from: sessionID, after: { state in
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
        case .delta:
            deliver([Self.text(message, kind: .delta)], from: sessionID)
        case .lap:
            deliver([Self.text(message, kind: .other)], from: sessionID)
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
        var messages = [Self.text(.cue(cue, clip: clipMessage == nil ? nil : clip), kind: .other)]
        if let clipMessage { messages.append(.init(kind: .clip, isText: false, bytes: ByteBuffer(bytes: clipMessage))) }
        deliver(messages, from: sessionID)
        guard clipMessage == nil, let voice else { return }
        let sentAt = ContinuousClock.now
        Task {
            guard let late = await voice.voice.renderedClip(for: cue.text, language: voice.language),
                ContinuousClock.now - sentAt <= LiveSession.lateClipWindow,
                let bytes = VoiceClipMessage.encode(cueID: cue.id, clip: late)
            else { return }
            self.deliver([.init(kind: .clip, isText: false, bytes: ByteBuffer(bytes: bytes))], from: sessionID)
        }
    }

    /// Pushes `messages`, in order and together, to every listener while `sessionID` is the
    /// followed session; a listener that stays behind is closed and forgotten. `before` and
    /// `after` change the state under the same lock.
    private func deliver(
        _ messages: [ListenerQueue.Message], from sessionID: String, before: (inout State) -> Void = { _ in },
        after: (inout State) -> Void = { _ in }
    ) {
        let now = ContinuousClock.now
        let outcomes: [ListenerQueue.PushOutcome] = state.withLock { state in
            before(&state)
            defer { after(&state) }
            guard state.activeSession == sessionID else { return [] }
            var outcomes: [ListenerQueue.PushOutcome] = []
            for (id, queue) in state.listeners {
                for message in messages {
                    let outcome = queue.push(message, now: now)
                    outcomes.append(outcome)
                    if outcome.closed {
                        state.listeners[id] = nil
                        break
                    }
                }
            }
            listenerCount.store(state.listeners.count, ordering: .relaxed)
            return outcomes
        }
        for outcome in outcomes where outcome != ListenerQueue.PushOutcome() {
            metrics.record(outcome)
            if outcome.closed { metrics.listenerCountChanged(by: -1) }
        }
    }

    private static func text(_ message: ServerMessage, kind: ListenerQueue.Kind) -> ListenerQueue.Message {
        ListenerQueue.Message(kind: kind, isText: true, bytes: message.handWrittenJSON() ?? ByteBuffer(string: message.json()))
    }
}
