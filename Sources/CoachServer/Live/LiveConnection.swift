import Coaching
import Logging
import NIOCore
import ServerSettings
import Telemetry
import Tracing

/// What one upgraded socket of an authenticated driver does with its messages: starts the
/// session on `hello`, then checks each batch and pushes its frames into the session's inbox
/// (the socket is the inbox's only producer) and coaches them. `LiveChannelHandler` drives it,
/// on the socket's event loop, in the order the events came.
///
/// Errors go to this socket only; a fatal one is sent, then the socket is closed with the
/// protocol's close code. However the socket ends, the session is handed on (`handOn`): ended
/// when the driver closed with 1000 or the server shuts down, otherwise detached and resumable
/// for the resume window (`SessionRegistry`).
///
/// What every connection shares is one `LiveEndpoint`, held by reference, so this value stays small.
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

    /// Explains a message that broke the framing rules; the caller then closes.
    func reportMalformed(_ failure: InboundMessageAssembler.Failure, _ socket: SocketSender) {
        switch failure {
        case .tooLarge(let size):
            report(WireError(.messageTooLarge, "message of \(size)+ bytes exceeds \(configuration.maxMessageBytes)"), socket)
        case .invalidUTF8:
            report(WireError(.invalidUTF8, "text message is not valid UTF-8"), socket)
        case .badFragmentation:
            socket.close(.protocolError, reason: "bad fragmentation")
        }
    }

    /// Explains a read deadline that passed (`hello`'s before a session, else the idle one).
    func reportTimeout(beforeHello: Bool, _ socket: SocketSender) {
        if beforeHello {
            report(WireError(.helloTimeout, "no hello within \(configuration.helloTimeoutSeconds) s"), socket)
        } else {
            report(WireError(.idleTimeout, "no message for \(configuration.idleTimeoutSeconds) s"), socket)
        }
    }

    /// Hands the session on when its socket lets go of it: ends it (partial lap stored now) or
    /// leaves it to the resume window. A session closed for exceeding a limit ends too (a resume
    /// would hit the limit again). The caller has already removed it from the ack ticker.
    func handOn(_ session: LiveSession, ending: Bool) async {
        let closedForLimit = await session.endsWhenSocketCloses
        if ending || closedForLimit {
            await registry.end(session)
            await session.detach()
        } else {
            await session.detach()
            await registry.detach(session)
        }
    }

    /// Coaches an accepted batch of a session that runs on another event loop than this socket
    /// (resumed from a socket on another loop), through a hop onto the session.
    /// False when the session is finishing and takes no more frames.
    func coachAcross(_ batch: FrameBatch, session: LiveSession) async -> Bool {
        guard await session.coachBatch(batch) else { return false }
        countAccepted(batch)
        metrics.batchesHopped.increment()
        return true
    }

    /// Coaches an accepted batch of a session that runs on this event loop, synchronously.
    /// False when the session is finishing and takes no more frames.
    func coachHere(_ batch: FrameBatch, session: LiveSession) -> Bool {
        guard session.assumeIsolated({ $0.coachBatch(batch) }) else { return false }
        countAccepted(batch)
        return true
    }

    private func countAccepted(_ batch: FrameBatch) {
        metrics.batchesAccepted.increment()
        metrics.framesAccepted.increment(by: batch.frames.count)
    }

    enum Outcome {
        case proceed
        case close
        case started(LiveSession)
    }

    /// A message before `hello`: starts (or resumes) the session when it is a good `hello`.
    func handleBeforeHello(_ message: InboundMessageAssembler.Message, socket: SocketSender) async -> Outcome {
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
    func check(
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
