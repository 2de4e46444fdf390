import Foundation
import HummingbirdWebSocket
import Coaching
import Logging
import Telemetry

/// One upgraded socket of an authenticated driver: waits for `hello`, then reads batches,
/// checks them and pushes their frames into the session's inbox (it is the inbox's only producer).
///
/// Errors go to this socket only; a fatal one is sent, then the socket is closed with the
/// protocol's close code. The session survives a drop and stays resumable (`SessionRegistry`).
struct LiveConnection: Sendable {
    let driver: AuthenticatedDriver
    let configuration: ServerConfiguration.Live
    let dependencies: CoachServerDependencies
    let registry: SessionRegistry
    let ackTicker: AckTicker
    let metrics: ServerMetrics
    let logger: Logger
    /// Completed laps on their way to storage (fair, kept when the database fails).
    let lapStore: LapStoreQueue
    /// `live.batches_per_second` / `batch_burst` per driver.
    let batchLimiter: BatchRateLimiter

    /// How the reading ended, for `socketClosed` once the close handshake is over.
    struct Ending: Sendable {
        var session: LiveSession?
        /// The server closed the socket (a fatal error), so a close from the client is only its echo.
        var closedByServer: Bool
    }

    /// Runs until the socket closes.
    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws -> Ending {
        let latch = HelloLatch()
        var session: LiveSession?
        var tickerKey: UInt64?
        defer { if let tickerKey { ackTicker.remove(tickerKey) } }
        var closedByServer = false
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await Task.sleep(for: .seconds(configuration.helloTimeoutSeconds))
                if latch.timeOut() {
                    let seconds = configuration.helloTimeoutSeconds
                    await fail(WireError(.helloTimeout, "no hello within \(seconds) s"), outbound)
                }
            }
            var assembler = InboundMessageAssembler(maximumBytes: configuration.maxMessageBytes)
            reading: for try await frame in inbound {
                let message: InboundMessageAssembler.Message
                do throws(InboundMessageAssembler.Failure) {
                    guard let complete = try assembler.append(frame) else { continue }
                    message = complete
                } catch .tooLarge(let size) {
                    let limit = configuration.maxMessageBytes
                    await fail(WireError(.messageTooLarge, "message of \(size)+ bytes exceeds \(limit)"), outbound)
                    closedByServer = true
                    break reading
                } catch .invalidUTF8 {
                    await fail(WireError(.invalidUTF8, "text message is not valid UTF-8"), outbound)
                    closedByServer = true
                    break reading
                } catch .badFragmentation {
                    try? await outbound.close(.protocolError, reason: "bad fragmentation")
                    closedByServer = true
                    break reading
                }

                if let current = session {
                    if case .close = await handleStreaming(message, session: current, outbound: outbound) {
                        closedByServer = true
                        break reading
                    }
                } else {
                    switch await handleBeforeHello(message, latch: latch, outbound: outbound) {
                    case .close:
                        closedByServer = true
                        break reading
                    case .proceed: break
                    case .started(let started):
                        session = started
                        // Lets the consumer flush an ack that was held back by the coalescing interval.
                        tickerKey = ackTicker.add(started)
                    }
                }
            }
            group.cancelAll()
        }
        return Ending(session: session, closedByServer: closedByServer)
    }

    /// The socket is closed. A driver who closed it with 1000 has ended the session: its partial
    /// lap is stored now. Any other end (a drop, an error) keeps it resumable for the window.
    func socketClosed(_ ending: Ending, closeFrame: WebSocketCloseFrame?) async {
        guard let session = ending.session else { return }
        await session.detach()
        let endedByDriver = !ending.closedByServer && closeFrame?.closeCode == .normalClosure
        // A session closed for exceeding a limit ends too (a resume would hit the limit again).
        let closedForLimit = await session.endsWhenSocketCloses
        if endedByDriver || closedForLimit {
            await registry.end(session)
        } else {
            await registry.detach(session)
        }
    }

    private enum Outcome {
        case proceed
        case close
        case started(LiveSession)
    }

    private func handleBeforeHello(
        _ message: InboundMessageAssembler.Message, latch: HelloLatch, outbound: WebSocketOutboundWriter
    ) async -> Outcome {
        guard case .text(let text) = message else {
            await report(WireError(.helloRequired, "send hello before frames"), outbound)
            return .proceed
        }
        do throws(WireError) {
            switch try ClientMessageDecoding.decode(text: text) {
            case .frames:
                await report(WireError(.helloRequired, "send hello before frames"), outbound)
                return .proceed
            case .hello(let hello):
                guard latch.receiveHello() else { return .close }
                return .started(await startSession(hello, outbound: outbound))
            }
        } catch {
            return await report(error, outbound) ? .close : .proceed
        }
    }

    private func handleStreaming(
        _ message: InboundMessageAssembler.Message, session: LiveSession, outbound: WebSocketOutboundWriter
    ) async -> Outcome {
        // Every message after hello costs the driver a token, well-formed or not.
        if let error = batchLimiter.admit(driverID: driver.id) {
            await report(error, outbound)
            return .close
        }
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
            await report(WireError(.duplicateHello, "this connection already sent hello"), outbound)
            return .proceed
        } catch {
            return await report(error, outbound) ? .close : .proceed
        }
        return await accept(batch, session: session, outbound: outbound)
    }

    private func accept(_ batch: FrameBatch, session: LiveSession, outbound: WebSocketOutboundWriter) async -> Outcome {
        switch SequenceCheck(received: batch.sequence, lastAccepted: session.inbox.publishedSequence) {
        case .duplicate:
            await report(WireError(.duplicateSequence, "sequence \(batch.sequence) was already processed"), outbound)
        case .gap(let expected):
            let error = WireError(
                .sequenceGap, "expected sequence \(expected), got \(batch.sequence)", expectedSequence: expected)
            await report(error, outbound)
        case .accept:
            for frame in batch.frames {
                let live = LiveFrame(frame: frame, batchSequence: batch.sequence)
                // A full inbox means this driver's coach is behind: wait for it, which stops reading
                // this socket (TCP backpressure on this client only).
                while !session.inbox.tryPush(live) {
                    session.wake()
                    try? await Task.sleep(for: .milliseconds(1))
                    if Task.isCancelled { return .close }
                }
            }
            session.inbox.publish(batch.sequence)
            session.wake()
            metrics.batchesAccepted.increment()
            metrics.framesAccepted.increment(by: batch.frames.count)
        }
        return .proceed
    }

    /// Resumes the requested session when allowed, otherwise starts a new one; sends `welcome`.
    private func startSession(_ hello: Hello, outbound: WebSocketOutboundWriter) async -> LiveSession {
        if let resume = hello.resume {
            switch await registry.resume(sessionID: resume.sessionID, driverID: driver.id) {
            case .resumed(let session):
                await session.attach(
                    outbound, resumed: true, maxMessageBytes: configuration.maxMessageBytes, voice: hello.voice)
                return session
            case .rejected:
                await report(WireError(.resumeRejected, "that session belongs to another driver; starting a new one"), outbound)
            case .unavailable:
                break
            }
        }
        // Renders are queued per driver (bounded, fair): the coach's and the session's alike.
        let driverVoice = dependencies.voice?.forDriver(driver.id)
        let voice = hello.voice ? driverVoice : nil
        let coach = await dependencies.coachFactory.makeCoach(
            for: hello.session, driver: driver, language: hello.language, speech: voice)
        let publicID: String
        let isStored: Bool
        do {
            publicID = try await dependencies.sessionStore.createSession(
                driverID: driver.id, descriptor: hello.session, reference: coach.reference, startedAt: Date())
            isStored = true
        } catch {
            logger.error("creating a session record failed", metadata: ["error": "\(error)"])
            await report(WireError(.internal, "the session cannot be stored; coaching goes on"), outbound)
            publicID = UUID().uuidString.lowercased()
            isStored = false
        }
        let session = LiveSession(
            publicID: publicID, driver: driver, descriptor: hello.session, isStored: isStored, coach: coach,
            store: dependencies.sessionStore, lapStore: lapStore, metrics: metrics, live: configuration, voice: driverVoice,
            language: CueLanguage(rawValue: hello.language) ?? .english, logger: logger.with(session: publicID),
            feed: dependencies.coachingFeed, mirror: registry.listeners.mirror(for: driver.id))
        await session.start()
        await registry.register(session)
        await session.attach(outbound, resumed: false, maxMessageBytes: configuration.maxMessageBytes, voice: hello.voice)
        return session
    }

    /// Sends the error; for a fatal one also closes the socket. Returns whether it was fatal.
    @discardableResult
    private func report(_ error: WireError, _ outbound: WebSocketOutboundWriter) async -> Bool {
        metrics.recordError(error.code)
        try? await outbound.write(.text(ServerMessage.error(error).json()))
        guard let closeCode = error.code.webSocketCloseCode else { return false }
        try? await outbound.close(closeCode, reason: error.code.rawValue)
        return true
    }

    private func fail(_ error: WireError, _ outbound: WebSocketOutboundWriter) async {
        await report(error, outbound)
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
