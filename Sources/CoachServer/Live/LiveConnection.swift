import Coaching
import Logging
import NIOCore
import ServerSettings
import Telemetry
import Tracing

/// One upgraded socket of an authenticated driver: waits for `hello`, then reads batches,
/// checks them and pushes their frames into the session's inbox (it is the inbox's only producer).
///
/// Errors go to this socket only; a fatal one is sent, then the socket is closed with the
/// protocol's close code. However the socket ends, `run` returns and the session is handed on:
/// ended when the driver closed with 1000 or the server shuts down, otherwise detached and
/// resumable for the resume window (`SessionRegistry`).
///
/// What every connection shares is one `LiveEndpoint`, held by reference: this value lives in
/// the connection task's frames for as long as the driver is connected, so it stays small.
struct LiveConnection: Sendable {
    let endpoint: LiveEndpoint
    let driver: AuthenticatedDriver
    let logger: Logger

    var configuration: ServerConfiguration.Live { endpoint.configuration }
    var dependencies: CoachServerDependencies { endpoint.dependencies }
    var registry: SessionRegistry { endpoint.registry }
    var ackTicker: AckTicker { endpoint.ackTicker }
    var metrics: ServerMetrics { endpoint.metrics }
    var lapStore: LapStoreQueue { endpoint.lapStore }
    var batchLimiter: BatchRateLimiter { endpoint.batchLimiter }
    var tracing: LiveTracing? { endpoint.tracing }

    /// What one connection holds while it runs.
    private struct State {
        var session: LiveSession?
        /// The ack ticker's key for this attachment.
        var tickerKey: UInt64?
        /// The read deadline in force: 0, the hello timeout armed at the upgrade, until `hello`.
        var readGeneration: UInt64 = 0
        /// The server has closed (or is closing) the socket: later messages are not read.
        var closing = false
        /// Which batches get a span; nil when tracing is off.
        var sampler: LiveBatchSampler?
    }

    /// Runs until the socket is closed, then hands the session on. Never throws: every end of
    /// the socket (a close, a reset, a TLS error, a timeout) comes back here.
    func run(events: NIOAsyncChannelInboundStream<SocketEvent>, socket: SocketSender) async {
        var state = State()
        state.sampler = tracing.map { LiveBatchSampler(ratio: $0.sampleRatio) }
        do {
            for try await event in events where !state.closing {
                guard case .message(let message) = event else {
                    await handle(event, state: &state, socket: socket)
                    continue
                }
                guard let session = state.session else {
                    // On a task of its own: starting a session goes deep (the store, the coach),
                    // and every frame it needs would stay allocated in this connection's task.
                    let opening = Task { await handleBeforeHello(message, socket: socket) }
                    switch await opening.value {
                    case .close:
                        await closed(state: &state)
                    case .proceed:
                        break
                    case .started(let started):
                        state.session = started
                        // Lets the ticker drain an ack that was held back by the coalescing interval.
                        state.tickerKey = ackTicker.add(started)
                        state.readGeneration = socket.expectMessages(
                            within: TimeAmount(seconds: configuration.idleTimeoutSeconds), restartingOnEachMessage: true)
                    }
                    continue
                }
                // The hot path, kept flat: checked synchronously, then coached by this task's
                // own hops onto the session. Every async call level here would be a frame this
                // task keeps allocated for as long as the driver is connected.
                let span = state.sampler?.sampleNext() == true ? tracing?.startBatch(session: session.publicID) : nil
                switch check(message, session: session, socket: socket, span: span) {
                case .proceed:
                    break
                case .close:
                    await closed(state: &state)
                case .accepted(let batch):
                    // A batch larger than the ring: drain it here and push the rest; a finishing
                    // session takes no more frames.
                    var pushed = session.inbox.push(batch, from: 0)
                    while pushed < batch.frames.count, await session.drainNow() {
                        pushed = session.inbox.push(batch, from: pushed)
                    }
                    guard pushed == batch.frames.count else {
                        await closed(state: &state)
                        continue
                    }
                    session.inbox.publish(batch.sequence)
                    // Coached on this task, before the next message is read: while the coach is
                    // busy (a lap's end), this socket is not read (TCP backpressure on this client only).
                    await session.drainNow()
                    metrics.batchesAccepted.increment()
                    metrics.framesAccepted.increment(by: batch.frames.count)
                }
            }
        } catch {
            logger.debug("live socket failed", metadata: ["error": "\(error)"])
        }
        let ending = (try? await socket.ending.get()) ?? SocketEnding()
        metrics.socketEnded(ending)
        if let error = ending.error { logger.debug("live socket ended", metadata: ["error": "\(error)"]) }
        // The socket ended without a close frame from the client (or while its connection was busy):
        // the session stays resumable.
        guard let session = state.session else { return }
        await release(session, state: &state, ending: ending.isNormalClientClose)
    }

    private func handle(_ event: SocketEvent, state: inout State, socket: SocketSender) async {
        switch event {
        case .message:
            break  // `run` reads messages itself
        case .malformed(let failure):
            switch failure {
            case .tooLarge(let size):
                let limit = configuration.maxMessageBytes
                report(WireError(.messageTooLarge, "message of \(size)+ bytes exceeds \(limit)"), socket)
            case .invalidUTF8:
                report(WireError(.invalidUTF8, "text message is not valid UTF-8"), socket)
            case .badFragmentation:
                socket.close(.protocolError, reason: "bad fragmentation")
            }
            await closed(state: &state)
        case .timedOut(let generation):
            guard generation == state.readGeneration else { return }  // replaced since (hello came in time)
            if state.session == nil {
                report(WireError(.helloTimeout, "no hello within \(configuration.helloTimeoutSeconds) s"), socket)
            } else {
                report(WireError(.idleTimeout, "no message for \(configuration.idleTimeoutSeconds) s"), socket)
            }
            await closed(state: &state)
        case .closedByServer:
            // Closed from elsewhere (e.g. all of this driver's sockets): the session is resumable now.
            await closed(state: &state)
        case .closeReceived(let code):
            // 1000 ends the session now: the partial lap is stored and its `lap` goes out before
            // the server's close frame. Any other code leaves it resumable.
            if let session = state.session { await release(session, state: &state, ending: code == .normalClosure) }
            socket.answerClose()
            state.closing = true
        case .shutdown:
            // The partial lap is stored (and its `lap` message queued) before the close.
            if let session = state.session { await release(session, state: &state, ending: true) }
            socket.close(.goingAway, reason: "server_shutdown")
            state.closing = true
        }
    }

    /// The server closed the socket: the session is resumable at once, not when the close
    /// handshake is over.
    private func closed(state: inout State) async {
        state.closing = true
        if let session = state.session { await release(session, state: &state, ending: false) }
    }

    /// Lets go of the session: ends it (partial lap stored now) or leaves it to the resume window.
    /// A session closed for exceeding a limit ends too (a resume would hit the limit again).
    private func release(_ session: LiveSession, state: inout State, ending: Bool) async {
        state.session = nil
        if let key = state.tickerKey { ackTicker.remove(key) }
        state.tickerKey = nil
        let closedForLimit = await session.endsWhenSocketCloses
        if ending || closedForLimit {
            await registry.end(session)
            await session.detach()
        } else {
            await session.detach()
            await registry.detach(session)
        }
    }

    enum Outcome {
        case proceed
        case close
        case started(LiveSession)
    }

    private func handleBeforeHello(_ message: InboundMessageAssembler.Message, socket: SocketSender) async -> Outcome {
        guard case .text(let text) = message else {
            report(WireError(.helloRequired, "send hello before frames"), socket)
            return .proceed
        }
        do throws(WireError) {
            switch try ClientMessageDecoding.decode(text: text) {
            case .frames:
                report(WireError(.helloRequired, "send hello before frames"), socket)
                return .proceed
            case .hello(let hello):
                guard let session = await startSession(hello, socket: socket) else { return .close }
                return .started(session)
            }
        } catch {
            return report(error, socket) ? .close : .proceed
        }
    }

    /// What became of a message after hello.
    enum Checked {
        case proceed
        case close
        /// Well-formed and next in sequence: its frames go to the session.
        case accepted(FrameBatch)
    }

    /// Rate, decoding, validation and sequence checks of a message after hello; refusals are
    /// reported here. `span`: the message's `live.batch` span when it was sampled; it is ended
    /// here unless the batch is accepted (then the session's drain ends it once the batch's cues
    /// are queued).
    private func check(
        _ message: InboundMessageAssembler.Message, session: LiveSession, socket: SocketSender, span: (any Span)?
    ) -> Checked {
        // Every message after hello costs the driver a token, well-formed or not.
        if let error = batchLimiter.admit(driverID: driver.id) {
            refused(span, error)
            report(error, socket)
            return .close
        }
        let decodeSpan = span.flatMap { span in tracing?.startChild(LiveTracing.Name.decode, of: span) }
        let batch: FrameBatch
        do throws(WireError) {
            switch message {
            case .binary(let buffer):
                batch = try ClientMessageDecoding.decode(binary: buffer)
            case .text(let text):
                switch try ClientMessageDecoding.decode(text: text) {
                case .hello: throw WireError(.duplicateHello, "this connection already sent hello")
                case .frames(let decoded): batch = decoded
                }
            }
            try FrameValidator.validate(batch, trackLength: session.descriptor.track.length)
        } catch let error where [.unsupportedProtocol, .invalidHello].contains(error.code) {
            // A second hello is refused as such, whatever is wrong inside it.
            let duplicate = WireError(.duplicateHello, "this connection already sent hello")
            decodeSpan?.end()
            refused(span, duplicate)
            report(duplicate, socket)
            return .proceed
        } catch {
            decodeSpan?.end()
            refused(span, error)
            return report(error, socket) ? .close : .proceed
        }
        decodeSpan?.end()
        span?.attributes["trailbrake.batch.sequence"] = Int(truncatingIfNeeded: batch.sequence)
        span?.attributes["trailbrake.batch.frames"] = batch.frames.count
        switch SequenceCheck(received: batch.sequence, lastAccepted: session.inbox.publishedSequence) {
        case .duplicate:
            let error = WireError(.duplicateSequence, "sequence \(batch.sequence) was already processed")
            refused(span, error)
            report(error, socket)
            return .proceed
        case .gap(let expected):
            let error = WireError(
                .sequenceGap, "expected sequence \(expected), got \(batch.sequence)", expectedSequence: expected)
            refused(span, error)
            report(error, socket)
            return .proceed
        case .accept:
            // Before the frames: the drain looks the span up when it meets the first of them.
            if let span { session.batchSpans?.add(span, sequence: batch.sequence) ?? span.end() }
            return .accepted(batch)
        }
    }

    /// A sampled message that was refused: its span ends with the error code.
    private func refused(_ span: (any Span)?, _ error: WireError) {
        guard let span else { return }
        span.attributes["trailbrake.error"] = error.code.rawValue
        span.setStatus(SpanStatus(code: .error))
        span.end()
    }

    /// Sends the error; for a fatal one also closes the socket. Returns whether it was fatal.
    @discardableResult
    func report(_ error: WireError, _ socket: SocketSender) -> Bool {
        metrics.recordError(error.code)
        socket.send(ServerMessage.error(error).outboundMessage(using: ServerMessage.makeEncoder()))
        guard let closeCode = error.code.webSocketCloseCode else { return false }
        socket.close(closeCode, reason: error.code.rawValue)
        return true
    }
}

extension Logger {
    /// A logger that tags every line with the live session id.
    func with(session: String) -> Logger {
        var copy = self
        copy[metadataKey: "session"] = "\(session)"
        return copy
    }
}
