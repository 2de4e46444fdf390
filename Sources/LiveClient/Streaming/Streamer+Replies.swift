import Telemetry
import WireClient

/// What the server says, turned into ledger updates and events for the driver.
extension Streamer {
    /// Codes after which the same `hello` would be refused again: the client stops.
    static let permanentErrorCodes: Set<String> = ["unsupported_protocol", "invalid_hello", "message_too_large", "invalid_utf8"]

    /// Before `welcome`: returns the batches to send again once it came; nil for anything else.
    func receiveBeforeWelcome(
        _ segment: UInt64, _ message: WireMessage
    ) throws -> [BatchLedger<[TelemetryFrame]>.Sent]? {
        link.lastHeard = .now
        guard case .text(let text) = message, let reply = ServerReply.decode(text) else { return nil }
        switch reply.type {
        case "welcome":
            guard let session = reply.session, !session.isEmpty else { return nil }
            let resumed = reply.resumed == true
            if let limit = reply.limits?.maxFramesPerBatch, limit > 0 {
                maximumFramesPerBatch = min(limit, FrameBatch.maximumFrameCount)
            }
            let welcome = outbox.welcomed(segment, session: session, resumed: resumed, nextSequence: reply.nextSeq ?? 1)
            let resend = welcome.resend
            for batch in resend { outbox.stampResend(segment, batch.sequence, at: .now) }
            if welcome.unconfirmed > 0 {
                status.unconfirmedFrames += welcome.unconfirmed
                report(.unconfirmed(frames: welcome.unconfirmed))
            }
            link.welcomed = true
            status.link = .streaming(resumed: resumed)
            let reference = reply.reference.map { "\($0.source ?? "?") (\($0.reason ?? "?"))" } ?? "none yet"
            report(.connected(session: session, resumed: resumed, resentBatches: resend.count, reference: reference))
            publishStatus(force: true)
            return resend
        case "error":
            try handleError(reply)
            return nil
        default:
            return nil
        }
    }

    /// After `welcome`: acks, deltas, cues, clips, laps and errors.
    func receive(_ segment: UInt64, _ message: WireMessage) throws {
        let now = ContinuousClock.now
        link.lastHeard = now
        switch message {
        case .binary(let buffer):
            do {
                report(.clip(try ClipMessage(buffer)))
            } catch {
                report(.serverError(code: error.code, message: "a binary message that is not a voice clip was ignored"))
            }
        case .text(let text):
            guard let reply = ServerReply.decode(text) else {
                return report(.serverError(code: "unreadable_reply", message: "a server message that is not JSON was ignored"))
            }
            switch reply.type {
            case "ack":
                guard let sequence = reply.seq else { return }
                let sentAt = outbox.sentTime(segment, of: sequence)
                _ = outbox.acknowledge(segment, through: sequence)
                status.bufferedFrames = outbox.bufferedFrames
                if let sentAt { record(roundTrip: now - sentAt) }
                if bufferFull, outbox.bufferedFrames <= outbox.capacity * 9 / 10 {
                    bufferFull = false
                    report(.bufferRecovered(dropped: droppedSinceFull))
                    droppedSinceFull = 0
                }
                ring()
            case "delta":
                status.delta = reply.delta
            case "cue":
                guard let id = reply.id else { return }
                report(.cue(CueNotice(
                    id: id, kind: reply.kind ?? "", text: reply.text ?? "", corner: reply.corner, deadline: reply.deadline,
                    clipID: reply.clip?.id)))
            case "lap":
                report(.lap(number: reply.lap ?? 0, time: reply.time, valid: reply.valid ?? false, stored: reply.stored ?? false))
            case "error":
                try handleError(reply)
            default:
                break
            }
        }
    }

    private func handleError(_ reply: ServerReply) throws {
        let code = reply.code ?? "unknown"
        let message = reply.message ?? ""
        if Self.permanentErrorCodes.contains(code) { throw ServerRefusal(code: code, message: message) }
        report(.serverError(code: code, message: message))
        // Our numbering and the server's disagree: a reconnect lets `resume` set it straight.
        if code == "sequence_gap" { abortLink("the server saw a sequence gap; reconnecting to resume") }
    }

    /// Keeps the last 20 ack round trips; the status line shows the lowest.
    private func record(roundTrip: Duration) {
        roundTrips.append(roundTrip)
        if roundTrips.count > 20 { roundTrips.removeFirst(roundTrips.count - 20) }
        status.latency = roundTrips.min()
    }

    /// Cuts the open socket (a watchdog fired); the delivery loop reconnects with `reason`.
    func abortLink(_ reason: String) {
        guard link.abort != nil, link.abortReason == nil else { return }
        link.abortReason = reason
        link.abort?()
    }
}
