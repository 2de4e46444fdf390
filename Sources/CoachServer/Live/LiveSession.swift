import Coaching
import Foundation
import HummingbirdWebSocket
import Logging
import Metrics

/// One driver session: owns the coach and is the only consumer of the session's frame inbox.
///
/// The connection's inbound loop pushes frames and calls `wake()`; a per-session consumer task
/// drains the inbox, runs the coach and writes cue, delta, ack and lap messages. Only that task
/// touches the coach, so messages leave in the order the coach produced them, and a slow
/// socket suspends this session's task alone. The session outlives a dropped connection
/// (see `SessionRegistry`) and takes a new writer when the driver resumes.
actor LiveSession {
    nonisolated let publicID: String
    nonisolated let driver: AuthenticatedDriver
    nonisolated let descriptor: SessionDescriptor
    nonisolated let inbox: FrameInbox

    private let databaseID: Int64?
    private var coach: any LiveCoach
    private let store: any SessionStore
    private let metrics: ServerMetrics
    private let ackInterval: Duration
    private let logger: Logger

    private var outbound: WebSocketOutboundWriter?
    private var acknowledgedSequence: UInt64 = 0
    private var lastAckAt: ContinuousClock.Instant?
    private var finishRequested = false
    private var consumer: Task<Void, Never>?
    private nonisolated let wakeups: AsyncStream<Void>
    private nonisolated let wakeupContinuation: AsyncStream<Void>.Continuation

    init(
        publicID: String, driver: AuthenticatedDriver, descriptor: SessionDescriptor, databaseID: Int64?,
        coach: sending any LiveCoach, store: any SessionStore, metrics: ServerMetrics, live: ServerConfiguration.Live,
        logger: Logger
    ) {
        self.publicID = publicID
        self.driver = driver
        self.descriptor = descriptor
        self.databaseID = databaseID
        self.coach = coach
        self.store = store
        self.metrics = metrics
        self.ackInterval = .milliseconds(live.ackIntervalMilliseconds)
        self.inbox = FrameInbox(capacity: live.ringCapacity)
        self.logger = logger
        // One pending wake-up is enough: a drain takes everything queued at that moment.
        (wakeups, wakeupContinuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Starts the consumer task; call once, right after creating the session.
    func start() {
        guard consumer == nil else { return }
        consumer = Task {
            for await _ in wakeups {
                if await drain() { break }
            }
        }
    }

    /// Asks the consumer to drain the inbox (new frames, or an ack that has become due).
    nonisolated func wake() { wakeupContinuation.yield() }

    /// Connects a socket: writes `welcome` first, then lets coaching messages flow to it.
    func attach(_ writer: WebSocketOutboundWriter, resumed: Bool, maxMessageBytes: Int) async {
        let welcome = ServerMessage.Welcome(
            sessionID: publicID, resumed: resumed, nextSequence: inbox.publishedSequence + 1,
            reference: coach.reference, maxMessageBytes: maxMessageBytes)
        try? await writer.write(.text(ServerMessage.welcome(welcome).json()))
        outbound = writer
        acknowledgedSequence = 0  // the new socket has heard no ack yet
    }

    /// The socket is gone; coaching goes on, and its messages are dropped until a resume.
    func detach() { outbound = nil }

    /// Ends the session: processes what is queued, stores the partial lap, records the end.
    /// Returns once the consumer task has finished.
    func finish() async {
        finishRequested = true
        wake()
        await consumer?.value
    }

    /// Processes everything queued; returns true when this was the session's final drain.
    private func drain() async -> Bool {
        // Captured once: a finish requested while this drain awaits is served by the next one.
        let finishing = finishRequested
        let started = ContinuousClock.now
        // Read before popping: every frame of batches up to `processed` is then drained below.
        let processed = inbox.publishedSequence
        var events: [CoachingEvent] = []
        while let frame = inbox.pop() {
            coach.process(frame, into: &events)
        }
        if finishing {
            coach.finish(into: &events)
        }
        let hadWork = !events.isEmpty
        var cues: [Cue] = []
        for event in events {
            switch event {
            case .cue(let cue):
                cues.append(cue)
                metrics.cuesSent.increment()
                await send(.cue(cue))
            case .delta(let sample):
                await send(.delta(sample))
            case .lapCompleted(let lap):
                let lapID = await storeLap(lap)
                await sendAck(processed)  // the protocol puts an ack right before every lap
                await send(.lap(ServerMessage.LapReport(lap: lap, lapID: lapID)))
            case .referenceChanged(let choice):
                logger.debug("reference changed", metadata: ["reason": "\(choice.reason.rawValue)"])
            }
        }
        if processed > acknowledgedSequence, lastAckAt.map({ ContinuousClock.now - $0 >= ackInterval }) ?? true {
            await sendAck(processed)
        }
        if hadWork { metrics.drainDuration.record(duration: ContinuousClock.now - started) }
        if let databaseID, !cues.isEmpty {
            do { try await store.recordCues(cues, sessionID: databaseID) } catch {
                logger.warning("recording cues failed", metadata: ["error": "\(error)"])
            }
        }
        if finishing { await end() }
        return finishing
    }

    /// Commits the lap before anyone hears about it; nil when it could not be stored.
    private func storeLap(_ lap: CompletedLap) async -> Int64? {
        guard let databaseID else { return nil }
        do {
            let id = try await store.storeLap(lap, sessionID: databaseID, driverID: driver.id)
            metrics.lapsStored.increment()
            return id
        } catch {
            logger.error("storing a lap failed", metadata: ["error": "\(error)", "lap": "\(lap.lapNumber)"])
            metrics.recordError(.internal)
            await send(.error(LiveProtocolError(.internal, "lap \(lap.lapNumber) could not be stored")))
            return nil
        }
    }

    private func sendAck(_ sequence: UInt64) async {
        guard sequence > acknowledgedSequence, outbound != nil else { return }
        acknowledgedSequence = sequence
        lastAckAt = .now
        await send(.ack(sequence: sequence))
    }

    private func send(_ message: ServerMessage) async {
        guard let outbound else { return }
        do { try await outbound.write(.text(message.json())) } catch {
            // The socket is closing; the connection detaches the session on its own.
            self.outbound = nil
        }
    }

    private func end() async {
        wakeupContinuation.finish()
        guard let databaseID else { return }
        do { try await store.endSession(databaseID, endedAt: Date()) } catch {
            logger.warning("ending a session record failed", metadata: ["error": "\(error)"])
        }
    }
}
