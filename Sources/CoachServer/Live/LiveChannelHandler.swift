import Logging
import NIOCore
import Telemetry

/// The live endpoint of one upgraded socket, on its event loop: takes the `SocketEvent`s the
/// socket's `WebSocketConnectionHandler` passes on and acts on each in order (`LiveConnection`
/// says what to do).
///
/// Why here and not on a task: a batch used to cross from the loop to a task through
/// `NIOAsyncChannel` and its replies back to the loop, two thread wake-ups and an async frame per
/// batch, most of the server's CPU (docs/performance.md). The session's actor runs on the event
/// loop of the socket that started it (`LiveSession.eventLoop`), so a batch is checked, pushed
/// into the ring, coached and its replies queued in one synchronous pass, and the replies leave
/// in one write at the end of the read (`WebSocketConnectionHandler` holds writes for a read).
///
/// What has to wait (starting a session, a session on another loop after a resume, handing the
/// session on when the socket lets go of it) runs as a step: one async task at a time. While a
/// step runs, the socket is not read (TCP holds this client back, nobody else) and events already
/// read wait in `waiting`, in order; the step's end takes them up again.
final class LiveChannelHandler: ChannelDuplexHandler {
    typealias InboundIn = SocketEvent
    typealias OutboundIn = Never

    private let connection: LiveConnection
    private let socket: SocketSender
    /// Completed once the socket has ended and its session was handed on (`socketEnded`'s step).
    let finished: EventLoopPromise<Void>
    private var context: ChannelHandlerContext?
    /// The channel's end was seen (`channelInactive`, or `handlerRemoved` without it).
    private var ended = false

    private var session: LiveSession?
    /// The session runs on this socket's event loop: batches are coached without a hop.
    private var sessionIsHere = false
    /// The ack ticker's key for this attachment.
    private var tickerKey: UInt64?
    /// The read deadline in force: 0, the hello timeout armed at the upgrade, until `hello`.
    private var readGeneration: UInt64 = 0
    /// The server has closed (or is closing) the socket: later events are not acted on.
    private var closing = false
    /// Which batches get a span; nil when tracing is off.
    private var sampler: LiveBatchSampler?

    /// What arrived while a step runs, in order; `nil` stands for the channel's end.
    private var waiting = CircularBuffer<SocketEvent?>()
    private var stepRunning = false
    /// A read was asked for while a step ran: it is passed on when the step ends.
    private var readHeld = false

    init(connection: LiveConnection, socket: SocketSender, finished: EventLoopPromise<Void>) {
        self.connection = connection
        self.socket = socket
        self.finished = finished
        self.sampler = connection.tracing.map { LiveBatchSampler(ratio: $0.sampleRatio) }
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        self.context = nil
        // NIO removes the handlers a turn after `channelInactive`, usually while a step still
        // runs: the session is handed on, and `finished` completed, by the end's own step.
        channelEnded()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let event = unwrapInboundIn(data)
        if stepRunning { waiting.append(event) } else { act(on: event) }
    }

    func channelInactive(context: ChannelHandlerContext) {
        channelEnded()
        context.fireChannelInactive()
    }

    private func channelEnded() {
        guard !ended else { return }
        ended = true
        if stepRunning { waiting.append(nil) } else { socketEnded() }
    }

    func read(context: ChannelHandlerContext) {
        if stepRunning { readHeld = true } else { context.read() }
    }

    // MARK: Acting on events

    private func act(on event: SocketEvent) {
        guard !closing else { return }
        switch event {
        case .message(let message):
            if let session { coach(message, session: session) } else { open(message) }
        case .malformed(let failure):
            connection.reportMalformed(failure, socket)
            closed()
        case .timedOut(let generation):
            guard generation == readGeneration else { return }  // replaced since (hello came in time)
            connection.reportTimeout(beforeHello: session == nil, socket)
            closed()
        case .closedByServer:
            // Closed from elsewhere (e.g. all of this driver's sockets): the session is resumable now.
            closed()
        case .closeReceived(let code):
            // 1000 ends the session now: the partial lap is stored and its `lap` goes out before
            // the server's close frame. Any other code leaves it resumable.
            handOnSession(ending: code == .normalClosure) { [socket] in socket.answerClose() }
        case .shutdown:
            // The partial lap is stored (and its `lap` message queued) before the close.
            handOnSession(ending: true) { [socket] in socket.close(.goingAway, reason: "server_shutdown") }
        }
    }

    /// A message before `hello`: the session starts on a step of its own (the store, the coach).
    private func open(_ message: InboundMessageAssembler.Message) {
        runStep { [connection, socket] in
            await connection.handleBeforeHello(message, socket: socket)
        }
    }

    /// A message after `hello`: checked, then coached here when the session runs on this loop,
    /// else on a step that hops onto it.
    private func coach(_ message: InboundMessageAssembler.Message, session: LiveSession) {
        let tracing = connection.tracing
        let span = sampler?.sampleNext() == true ? tracing?.startBatch(session: session.publicID) : nil
        switch connection.check(message, session: session, socket: socket, span: span) {
        case .proceed:
            break
        case .close:
            closed()
        case .accepted(let batch):
            if sessionIsHere {
                // Coached before the next event is read: while the coach is busy (a lap's end),
                // nothing else on this loop runs, for a lap's end a millisecond or two.
                if !connection.coachHere(batch, session: session) { closed() }
            } else {
                runStep { [connection] in
                    await connection.coachAcross(batch, session: session) ? nil : .close
                }
            }
        }
    }

    /// The server closed the socket: the session is resumable at once, not when the close
    /// handshake is over.
    private func closed() {
        handOnSession(ending: false)
    }

    /// Acts on no more events and hands the session (if held) on, on a step: ended or left
    /// resumable; then `afterwards` (what the socket does next, once the session's last
    /// messages are queued).
    private func handOnSession(ending: Bool, afterwards: @escaping @Sendable () -> Void = {}) {
        closing = true
        guard let session = letGoOfSession() else { return afterwards() }
        runStep { [connection] in
            await connection.handOn(session, ending: ending)
            afterwards()
            return nil
        }
    }

    /// The channel is closed, however that happened: the session (if still held) is handed on,
    /// resumable unless the client closed with 1000.
    private func socketEnded() {
        let session = letGoOfSession()
        runStep { [connection, socket, finished] in
            let ending = (try? await socket.ending.get()) ?? SocketEnding()
            connection.metrics.socketEnded(ending)
            if let error = ending.error { connection.logger.debug("live socket ended", metadata: ["error": "\(error)"]) }
            if let session { await connection.handOn(session, ending: ending.isNormalClientClose) }
            finished.succeed()
            return nil
        }
    }

    /// Takes the session out of this socket's hands (and the ack ticker's) before it is handed on.
    private func letGoOfSession() -> LiveSession? {
        defer { session = nil }
        if let key = tickerKey { connection.ackTicker.remove(key) }
        tickerKey = nil
        return session
    }

    // MARK: Steps

    /// Runs `work` on a task; until it is over, events wait and the socket is not read. Its
    /// outcome is applied on the loop, then the waiting events are taken up in order. Runs even
    /// after the handler was removed: the session must still be handed on.
    private func runStep(_ work: @escaping @Sendable () async -> LiveConnection.Outcome?) {
        let eventLoop = socket.eventLoop
        stepRunning = true
        let handler = NIOLoopBound(self, eventLoop: eventLoop)
        Task {
            let outcome = await work()
            eventLoop.execute { handler.value.stepEnded(outcome) }
        }
    }

    private func stepEnded(_ outcome: LiveConnection.Outcome?) {
        stepRunning = false
        switch outcome {
        case .none, .proceed:
            break
        case .close:
            closed()
        case .started(let started):
            // Nothing acted on events while the session started, so this socket is not closing.
            session = started
            sessionIsHere = started.eventLoop.inEventLoop
            // Lets the ticker drain an ack that was held back by the coalescing interval.
            tickerKey = connection.ackTicker.add(started)
            readGeneration = socket.expectMessages(
                within: TimeAmount(seconds: connection.configuration.idleTimeoutSeconds), restartingOnEachMessage: true)
        }
        while !stepRunning, !waiting.isEmpty {
            if let event = waiting.removeFirst() { act(on: event) } else { socketEnded() }
        }
        if !stepRunning, readHeld, let context {
            readHeld = false
            context.read()
        }
    }
}
