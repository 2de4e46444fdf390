import Foundation
import Synchronization
import Telemetry
import WireClient

/// One simulated driver: its own token, session, frames and send ledger. It connects, says
/// `hello`, streams batches at its pace and reads the server's replies until its deadline;
/// a dropped socket (or a planned drop) is reconnected and the session resumed.
final class Driver: Sendable {
    /// How one connection ended.
    enum Ending: Sendable {
        /// The deadline passed or the frames ran out; the socket was closed with 1000.
        case finished
        /// A planned drop (`reconnectAfter`) or a lost connection: reconnect and resume.
        case dropped
        /// The server refused the conversation: give up.
        case refused(String)
    }

    let index: Int
    let token: String
    let options: LoadOptions
    let frames: FrameLoop
    let channels: ChannelMask
    let session: SessionDescriptor
    let recorder: LoadRecorder
    let onEvent: @Sendable (DriverEvent) -> Void
    let ledger = Mutex(SendLedger())
    /// The session to resume after a drop.
    let sessionID = Mutex<String?>(nil)
    /// Highest frame position ever sent, so resent frames are not counted twice.
    let framesHighWater = Mutex(0)
    /// Wakes the writer when the reader sees an acknowledgement.
    let acks = AckSignal()
    /// The server's batch rate limit, shared by the drivers on the same token.
    let rates: SendRates

    init(
        index: Int, token: String, options: LoadOptions, frames: FrameLoop, recorder: LoadRecorder,
        rates: SendRates = SendRates(), onEvent: @escaping @Sendable (DriverEvent) -> Void = { _ in }
    ) {
        self.rates = rates
        self.index = index
        self.token = token
        self.options = options
        self.frames = frames
        self.channels = frames.laps.channels
        self.session = frames.laps.session
        self.recorder = recorder
        self.onEvent = onEvent
    }

    /// Runs until `deadline` (or the end of a non-looping stream); never throws: failures are counted.
    func run(until deadline: ContinuousClock.Instant) async throws(LoadError) {
        let pacer = Pacer(pacing: options.pacing, start: .now)
        var plannedDrop = options.reconnectAfter.map { ContinuousClock.now + $0 }
        var failures = 0
        while ContinuousClock.now < deadline, !Task.isCancelled {
            let connection = DriverConnection(driver: self, pacer: pacer, deadline: deadline, dropAt: plannedDrop)
            let ending: Ending
            do { ending = try await connection.run() } catch {
                recorder.update { $0.connectFailures += 1 }
                // A refused upgrade (401: wrong token, 404: wrong path) will not change on retry.
                if let refusal = error as? WireSocketError, refusal.isPermanent {
                    throw LoadError(.refused, "driver \(index): \(refusal) (check the token and the URL)")
                }
                failures += 1
                guard failures < 20 else { throw LoadError(.refused, "driver \(index): \(error)") }
                try? await Task.sleep(for: .milliseconds(min(2_000, 100 * failures)))
                continue
            }
            switch ending {
            case .finished: return
            case .refused(let reason): throw LoadError(.refused, "driver \(index): \(reason)")
            case .dropped:
                plannedDrop = nil
                failures = 0
                recorder.update { $0.reconnects += 1 }
                // A client's backoff; also lets the server see the old socket go before the resume.
                try? await Task.sleep(for: .milliseconds(200))
            }
        }
    }

    /// The `hello` for the current connection, resuming the driver's session when it has one.
    func hello() -> String {
        let resume = sessionID.withLock { $0 }.map { id in
            Hello.Resume(sessionID: id, lastSequence: ledger.withLock { $0.lastAcknowledged })
        }
        let hello = Hello(session: session, language: options.language, voice: options.voice, codec: options.format, resume: resume)
        return String(decoding: hello.jsonData(), as: UTF8.self)
    }

    /// Encodes and sends `sent` (a new batch or a resend) within the server's rate limit, and counts it.
    func send(_ sent: SendLedger.Sent, on outbound: WireOutbound) async throws {
        try await rates.waitForTurn(of: token)
        let batchFrames = frames.frames(sent.firstFrame..<sent.firstFrame + sent.frameCount)
        let message = BatchEncoding.message(
            FrameBatch(sequence: sent.sequence, frames: batchFrames), format: options.format, channels: channels)
        try await outbound.write(message)
        let end = sent.firstFrame + sent.frameCount
        let fresh = framesHighWater.withLock { high in
            defer { high = max(high, end) }
            return max(0, end - max(high, sent.firstFrame))
        }
        recorder.update {
            $0.messagesSent += 1
            $0.framesSent += fresh
            $0.framesResent += sent.frameCount - fresh
        }
    }
}
