import Telemetry
import WireClient

/// The delivery loop: which session to serve next, and one socket's conversation.
extension Streamer {
    enum Step: Sendable {
        case wait
        case connect(segment: UInt64)
        case done
    }

    enum ConnectionEnd: Sendable {
        /// The session was all acknowledged and closed with 1000.
        case delivered
        /// The socket ended before that; `welcomed` tells whether the server had taken it.
        case lost(reason: String, welcomed: Bool)
    }

    nonisolated func deliver() async throws {
        var wakes = changes.makeAsyncIterator()
        var backoff = Backoff(settings.reconnectDelays)
        while true {
            switch await nextStep() {
            case .done:
                return
            case .wait:
                guard await wakes.next() != nil else { return }
            case .connect(let segment):
                switch try await converse(segment) {
                case .delivered:
                    backoff.reset()
                case .lost(let reason, let welcomed):
                    if welcomed { backoff.reset() }
                    guard await !isDone() else { return }
                    let delay = backoff.next()
                    await lost(reason: reason, retryIn: delay)
                    try? await Task.sleep(for: delay)
                    if Task.isCancelled { return }
                }
            }
        }
    }

    func nextStep() -> Step {
        if isDone() { return .done }
        if sourceEnded, let drainDeadline, ContinuousClock.now >= drainDeadline, outbox.current != nil {
            var left = 0
            while outbox.current != nil { left += outbox.abandonCurrent() }
            undeliveredFrames += left
            report(.undelivered(frames: left))
            return .done
        }
        guard let segment = outbox.current else { return .wait }
        return .connect(segment: segment.id)
    }

    func isDone() -> Bool { sourceEnded && outbox.current == nil }

    func lost(reason: String, retryIn delay: Duration) {
        status.link = .retrying(reason: reason)
        report(.disconnected(reason: reason, retryIn: delay, bufferedFrames: outbox.bufferedFrames))
        publishStatus(force: true)
    }

    /// One socket for `segment`: hello, welcome, resends, then batches until it is delivered
    /// (close 1000) or the socket ends.
    nonisolated func converse(_ segment: UInt64) async throws -> ConnectionEnd {
        let options = WireSocket.Options(
            endpoint: settings.endpoint, headers: [("Authorization", "Bearer \(settings.token.secret)")], tls: settings.tls,
            maximumMessageBytes: settings.maximumMessageBytes, connectTimeout: settings.connectTimeout)
        await connecting()
        do {
            let end = try await WireSocket.connect(options) { inbound, outbound in
                try await self.talk(segment, inbound: &inbound, outbound: outbound)
            }
            await socketClosed()
            return end
        } catch let error as WireSocketError where error.isPermanent {
            await socketClosed()
            throw error
        } catch let refusal as ServerRefusal {
            await socketClosed()
            throw refusal
        } catch {
            let reason = await socketClosed() ?? Self.describe(error)
            return .lost(reason: reason, welcomed: false)
        }
    }

    private nonisolated func talk(_ segment: UInt64, inbound: inout WireInbound, outbound: WireOutbound) async throws -> ConnectionEnd {
        let (bell, doorbell) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
        await opened(segment, doorbell: doorbell, abort: { outbound.abort() })
        // The segment lost every frame to the bound before it was opened: nothing to say.
        guard let hello = await hello(for: segment) else { return .delivered }
        try await outbound.write(text: hello)
        var resend: [BatchLedger<[TelemetryFrame]>.Sent]?
        while resend == nil, let message = try await inbound.next() {
            resend = try await receiveBeforeWelcome(segment, message)
        }
        guard let resend else {
            return .lost(reason: await lossReason(closeCode: inbound.closeCode, fallback: "the server closed before its welcome"), welcomed: false)
        }
        for batch in resend { try await outbound.write(binary: Self.encode(batch)) }
        doorbell.yield()
        let delivered = try await withThrowingTaskGroup(of: Bool.self) { group in
            group.addTask { try await self.writeLoop(segment, bell: bell, outbound: outbound) }
            do {
                while let message = try await inbound.next() { try await receive(segment, message) }
            } catch let refusal as ServerRefusal {
                group.cancelAll()
                throw refusal
            } catch {}
            group.cancelAll()
            return (try? await group.next()) ?? false
        }
        if delivered { return .delivered }
        return .lost(reason: await lossReason(closeCode: inbound.closeCode, fallback: "the connection dropped"), welcomed: true)
    }

    /// Sends due batches whenever the doorbell rings; closes with 1000 once the session is
    /// closed and all acknowledged. Returns true after that close.
    private nonisolated func writeLoop(_ segment: UInt64, bell: AsyncStream<Void>, outbound: WireOutbound) async throws -> Bool {
        for await _ in bell {
            while let batch = await nextBatch(segment) {
                try await outbound.write(binary: Self.encode(batch))
            }
            if await readyToEnd(segment) {
                try await outbound.close(code: 1000)
                await ended(segment)
                return true
            }
        }
        return false
    }

    static func encode(_ batch: BatchLedger<[TelemetryFrame]>.Sent) -> [UInt8] {
        BinaryFrameBatchCodec.encode(FrameBatch(sequence: batch.sequence, frames: batch.payload))
    }

    static func describe(_ error: any Error) -> String {
        if let error = error as? WireSocketError { return error.description }
        return "the connection failed: \(error)"
    }

    // MARK: Actor-side steps of the conversation

    func connecting() {
        attempts += 1
        status.link = .connecting(attempt: attempts)
        report(.connecting(endpoint: settings.endpoint.description, attempt: attempts))
        publishStatus(force: true)
    }

    func opened(_ segment: UInt64, doorbell: AsyncStream<Void>.Continuation, abort: @escaping @Sendable () -> Void) {
        link = LinkState(segmentID: segment, doorbell: doorbell, abort: abort, openedAt: .now)
    }

    /// Forgets the socket; returns the watchdog's reason when it was the one that cut it.
    @discardableResult
    func socketClosed() -> String? {
        let reason = link.abortReason
        link.doorbell?.finish()
        link = LinkState()
        return reason
    }

    func lossReason(closeCode: UInt16?, fallback: String) -> String {
        if let reason = link.abortReason { return reason }
        guard let closeCode else { return fallback }
        return "the server closed the connection (code \(closeCode))"
    }

    func hello(for segment: UInt64) -> String? {
        guard let current = outbox.current, current.id == segment else { return nil }
        let resume = current.serverSession.map { Hello.Resume(sessionID: $0, lastSequence: current.ledger.lastAcknowledged) }
        var hello = Hello(session: current.session, language: settings.language ?? "en", voice: settings.voice, codec: .binary, resume: resume)
        hello.languageGiven = settings.language != nil
        return String(decoding: hello.jsonData(), as: UTF8.self)
    }

    func nextBatch(_ segment: UInt64) -> BatchLedger<[TelemetryFrame]>.Sent? {
        let now = ContinuousClock.now
        let wasIdle = outbox.current?.ledger.inFlight == 0
        let batch = outbox.nextBatch(
            of: segment, minimumFrames: settings.framesPerBatch, maximumFrames: maximumFramesPerBatch,
            interval: settings.batchInterval, now: now)
        // The server's silence is measured from the first batch it owes an answer for.
        if batch != nil, wasIdle { link.lastHeard = now }
        return batch
    }

    func readyToEnd(_ segment: UInt64) -> Bool { outbox.isDelivered(segment) }

    func ended(_ segment: UInt64) {
        link.closeSentAt = .now
        if let session = outbox.current?.serverSession, outbox.current?.id == segment { report(.sessionEnded(session: session)) }
        outbox.finish(segment)
        changed.yield()
    }
}
