import Foundation
import NIOCore
import Synchronization
import WireClient

/// One socket of a driver: the opening (`hello`/`welcome`, resends after a resume), then a
/// writer task sending batches at the driver's pace and the reader recording every reply.
struct DriverConnection: Sendable {
    let driver: Driver
    let pacer: Pacer
    let deadline: ContinuousClock.Instant
    /// When to drop the socket on purpose (close 1001) to exercise resume; nil for never.
    let dropAt: ContinuousClock.Instant?

    /// Why the writer stopped, which decides the close code and what the driver does next.
    private enum Stop: Sendable { case deadline, drop }


    func run() async throws -> Driver.Ending {
        let ending = EndingBox()
        let options = driver.options
        let socket = WireSocket.Options(
            endpoint: try ServerEndpoint(parsing: options.url), headers: [("Authorization", "Bearer \(driver.token)")],
            tls: options.tls, maximumMessageBytes: 1 << 22)
        try await WireSocket.connect(socket) { messages, outbound in
            if options.target == .coaching {
                guard let opening = try await open(&messages, outbound: outbound) else {
                    ending.set(.refused("no welcome"))
                    return
                }
                if case .refused = opening { ending.set(opening); return }
            } else {
                _ = driver.ledger.withLock { $0.rewind(resumedAt: nil) }
            }
            driver.recorder.update { $0.connectedDrivers += 1 }
            defer { driver.recorder.update { $0.connectedDrivers -= 1 } }
            // The writer never throws (a failing socket just ends it); the reader runs here
            // until the server closes, after our close or on its own (then the driver reconnects).
            let stop = await withTaskGroup(of: Stop?.self) { group in
                group.addTask { try? await write(outbound) }
                do {
                    while let message = try await messages.next() { record(message) }
                } catch {}
                group.cancelAll()
                return await group.next() ?? nil
            }
            ending.set(stop == .deadline ? .finished : .dropped)
        }
        return ending.get() ?? .dropped
    }

    /// Sends `hello`, reads `welcome` and resends what the server did not process. Returns nil
    /// when the socket closed first, `.refused` on an error instead of a welcome.
    private func open(
        _ messages: inout WireInbound, outbound: WireOutbound
    ) async throws -> Driver.Ending? {
        let askedToResume = driver.sessionID.withLock { $0 } != nil
        try await outbound.write(text: driver.hello())
        while let message = try await messages.next() {
            guard case .text(let text) = message, let reply = ServerReply.decode(text) else { continue }
            if reply.type == "error" {
                driver.recorder.recordError(reply.code ?? "unknown")
                if reply.fatal == true { return .refused("\(reply.code ?? "error"): \(reply.message ?? "")") }
                continue
            }
            guard reply.type == "welcome", let session = reply.session else { continue }
            let resumed = reply.resumed == true
            if askedToResume, !resumed { driver.recorder.update { $0.resumesRejected += 1 } }
            driver.sessionID.withLock { $0 = session }
            driver.rates.learn(reply.limits, for: driver.token)
            driver.onEvent(.welcome(session: session, resumed: resumed))
            let resend = driver.ledger.withLock { $0.rewind(resumedAt: resumed ? reply.nextSeq : nil) }
            for batch in resend {
                driver.ledger.withLock { $0.stamp(batch.sequence, at: .now) }
                try await driver.send(batch, on: outbound)
            }
            return .finished
        }
        return nil
    }

    /// Sends batches until the deadline, the planned drop or the end of a non-looping stream,
    /// then closes: 1000 ends the session, 1001 leaves it resumable.
    private func write(_ outbound: WireOutbound) async throws -> Stop? {
        let batchSize = driver.options.batchSize
        while true {
            let now = ContinuousClock.now
            if let dropAt = dropAt, now >= dropAt {
                try await outbound.close(code: 1001, reason: "planned drop")
                return .drop
            }
            let next = driver.ledger.withLock { $0.nextFrame }
            let count = min(batchSize, driver.frames.remaining(from: next))
            if now >= deadline || count == 0 {
                if count == 0 { try await waitForLastReplies() }
                try await outbound.close(code: 1000)
                return .deadline
            }
            try await pacer.waitForTurn(framesUpTo: next + count, acks: driver.acks) { driver.ledger.withLock { $0.inFlight } }
            if ContinuousClock.now >= deadline { continue }
            let sent = driver.ledger.withLock { $0.sendNew(frameCount: count, at: .now) }
            try await driver.send(sent, on: outbound)
        }
    }

    /// At the end of a replay: until everything is acknowledged (the last cues and the lap
    /// follow their batch's ack), at most 5 s, then 1 s more for a voice clip.
    private func waitForLastReplies() async throws {
        let driver = driver
        await withTaskGroup(of: Void.self) { group in
            group.addTask {
                while !Task.isCancelled {
                    let seen = driver.acks.count
                    if driver.ledger.withLock({ $0.inFlight }) == 0 { return }
                    await driver.acks.wait(after: seen)
                }
            }
            group.addTask { try? await Task.sleep(for: .seconds(5)) }
            await group.next()
            group.cancelAll()
        }
        try await Task.sleep(for: .seconds(1))
    }

    /// Counts one server message and measures what it acknowledges.
    private func record(_ message: WireMessage) {
        let now = ContinuousClock.now
        let recorder = driver.recorder
        guard driver.options.target == .coaching else {
            guard let sequence = BatchEncoding.echoedSequence(message) else { return }
            let (sentAt, frames) = driver.ledger.withLock { ledger in
                (ledger.sentTime(of: sequence), ledger.acknowledge(through: sequence))
            }
            driver.acks.acknowledged()
            recorder.update {
                $0.messagesReceived += 1
                $0.framesReceived += frames
                if let sentAt { $0.cueLatency.record(now - sentAt) }
            }
            return
        }
        switch message {
        case .binary(let buffer):
            recorder.update { $0.messagesReceived += 1 }
            let clip: ClipMessage
            do { clip = try ClipMessage(buffer) } catch { return recorder.recordError(error.code) }
            recorder.update { $0.clips += 1 }
            driver.onEvent(.clip(clip))
        case .text(let text):
            recorder.update { $0.messagesReceived += 1 }
            guard let reply = ServerReply.decode(text) else { return recorder.recordError("unreadable_reply") }
            handle(reply, at: now)
        }
    }

    private func handle(_ reply: ServerReply, at now: ContinuousClock.Instant) {
        let recorder = driver.recorder
        switch reply.type {
        case "ack":
            guard let sequence = reply.seq else { return }
            let sentAt = driver.ledger.withLock { ledger in
                defer { ledger.acknowledge(through: sequence) }
                return ledger.sentTime(of: sequence)
            }
            driver.acks.acknowledged()
            recorder.update {
                $0.acks += 1
                if let sentAt { $0.ackRoundTrip.record(now - sentAt) }
            }
        case "cue":
            let sentAt = reply.seq.flatMap { sequence in driver.ledger.withLock { $0.sentTime(of: sequence) } }
            let latency = sentAt.map { now - $0 }
            recorder.update {
                $0.cues += 1
                if let latency { $0.cueLatency.record(latency) }
            }
            driver.onEvent(
                .cue(text: reply.text ?? "", corner: reply.corner, kind: reply.kind ?? "", sequence: reply.seq ?? 0, latency: latency))
        case "lap":
            recorder.update { $0.laps += 1 }
            if reply.stored == true, let log = driver.options.storedLaps, let session = driver.sessionID.withLock({ $0 }) {
                log.record(driver: driver.index, session: session, lap: reply.lap ?? 0, lapID: reply.lapID ?? 0)
            }
            driver.onEvent(.lap(number: reply.lap ?? 0, time: reply.time))
        case "error":
            recorder.recordError(reply.code ?? "unknown")
            driver.onEvent(.error(code: reply.code ?? "unknown", message: reply.message ?? ""))
        default:
            break
        }
    }
}

/// How the connection's handler ended, handed out of the WebSocket client's closure.
private final class EndingBox: Sendable {
    private let value = Mutex<Driver.Ending?>(nil)
    func set(_ ending: Driver.Ending) { value.withLock { $0 = ending } }
    func get() -> Driver.Ending? { value.withLock { $0 } }
}
