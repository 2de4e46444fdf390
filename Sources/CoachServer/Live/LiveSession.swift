import Coaching
import Foundation
import Integration
import Logging
import Metrics
import NIOCore
import ServerSettings
import Telemetry
import Tracing

/// One driver session: owns the coach and is the only consumer of the session's frame inbox.
///
/// The connection's inbound loop pushes frames and drains them (`drainNow`): the drain runs the
/// coach and queues cue, delta, ack and lap messages on the socket; the ack ticker drains a
/// session whose held ack is due, and `finish()` runs the last drain. Only this actor touches
/// the coach, so messages leave in the order the coach produced them. Queuing never waits for
/// the client (`SocketSender`): a socket that takes nothing cannot hold up a drain, its lap
/// storing, or the session's end. The session outlives a dropped connection (see
/// `SessionRegistry`) and takes a new socket when the driver resumes.
///
/// The actor runs on the event loop of the socket that started it (`eventLoop`): that socket's
/// `LiveChannelHandler` coaches a batch synchronously, on the loop, without a hop. Everyone else
/// (the ack ticker, a resumed socket on another loop, `finish()`) hops onto that loop.
actor LiveSession {
    /// The event loop this actor runs on: the one of the socket that started the session.
    nonisolated let eventLoop: any EventLoop
    nonisolated var unownedExecutor: UnownedSerialExecutor { eventLoop.executor.asUnownedSerialExecutor() }
    nonisolated let publicID: String
    nonisolated let driver: AuthenticatedDriver
    nonisolated let descriptor: SessionDescriptor
    nonisolated let inbox: FrameInbox
    /// Spans of sampled batches, handed from the connection to the consumer; nil: tracing is off.
    nonisolated let batchSpans: LiveBatchSpans?
    let tracing: LiveTracing?

    /// False when the store could not record the session: coaching goes on, nothing is stored.
    let isStored: Bool
    /// One encoder for every message this session sends, not one per message.
    private let encoder = ServerMessage.makeEncoder()
    private var coach: any LiveCoach
    let store: any SessionStore
    let metrics: ServerMetrics
    private let ackInterval: Duration
    let logger: Logger
    /// Where completed laps go (fair between drivers, kept when the database fails).
    let lapStore: LapStoreQueue
    /// `[live]`: the per-session lap and fragment limits, the batch limits `welcome` advertises.
    let limits: ServerConfiguration.Live
    /// Laps and fragments this session ended so far (`live.max_laps_per_session`, `max_fragments_per_session`).
    var lapsEnded = 0
    var fragmentsEnded = 0
    /// Set when a limit was exceeded: the socket is closed, frames are dropped, the session ends.
    var limitExceeded = false
    /// Laps reported `stored: false` with a ticket, by ticket (lap number); and those committed
    /// while no socket was attached, told on the next attach.
    var lapsPendingStore: [UInt64: Int32] = [:]
    var lapsStoredWhileDetached: [(ticket: UInt64, lapNumber: Int32, lapID: Int64)] = []
    /// Laps committed before `storeLap` heard they were pending (a race of two hops), by ticket.
    var lapsStoredEarly: [UInt64: Int64] = [:]
    /// Laps (and a limit's close) waiting to be reported, in order, and the one task working
    /// through them (`LiveSession+LapReports`); the drain only appends.
    var lapReports: [LapReportEntry] = []
    var lapReporter: Task<Void, Never>?
    /// Laps in `lapReports` or being stored (at most `storage.max_laps_waiting_per_session`).
    var lapsWaiting = 0
    /// The highest batch sequence whose frames the coach has processed (the `ack` before a `lap`).
    var drainedSequence: UInt64 = 0
    /// Cues waiting for their record (`recordCues`), written by one task at a time off the drain.
    var cuesToRecord: [(cue: Cue, lap: Int32)] = []
    var cueRecorder: Task<Void, Never>?
    /// Speaks cues when the server has a voice; `voiceOn` is the driver's choice in `hello`.
    private let voice: (any CueVoice)?
    private let language: CueLanguage
    /// The settings this session runs with (`welcome.settings`), kept through resumes.
    private let settings: DriverSettings
    private var voiceOn = false
    /// Team channels (the Discord bot); `offer` never waits.
    let feed: (any CoachingFeedSink)?
    /// Cues held back from the feed while their clip renders, by cue id, with when the wait ends:
    /// each is offered once, with its clip when it is rendered within `lateClipWindow`, else
    /// without, by the first drain after that (a batch, or the ack ticker when batches have stopped).
    private var cuesAwaitingClip: [UInt64: (event: CueEvent, until: ContinuousClock.Instant)] = [:]
    /// The driver's listeners (`/api/v1/coaching/listen`); `publish` never waits.
    private let mirror: DriverMirror?
    /// Team messages for the driver (the web `/team` page), said where the coach allows a cue.
    private let relayHub: TeamRelayHub?
    private let relays: RelayBox?

    var outbound: SocketSender?
    private var acknowledgedSequence: UInt64 = 0
    private var lastAckAt: ContinuousClock.Instant?
    /// When a drain last coached frames, and the time since the drain with frames before it:
    /// while batches keep coming, the next one's drain sends the held ack, and the ack ticker
    /// leaves the session alone (`heldWorkDue`).
    private var lastFramesAt: ContinuousClock.Instant?
    private var framesGap: Duration = .zero
    /// Lap number of the last frame processed.
    private var currentLap: Int32 = 0
    /// The final drain, once `finish()` started it: a second `finish()` waits for the same one,
    /// and no other drain runs after it is asked for.
    private var finalDrain: Task<Void, Never>?
    /// Tells the ack ticker whether this session holds work that is due (`hasDueWork(at:)`).
    private nonisolated let tickGate = TickGate()

    init(
        publicID: String, driver: AuthenticatedDriver, descriptor: SessionDescriptor, isStored: Bool,
        coach: sending any LiveCoach, store: any SessionStore, lapStore: LapStoreQueue, metrics: ServerMetrics,
        live: ServerConfiguration.Live, voice: (any CueVoice)?, language: CueLanguage, logger: Logger,
        feed: (any CoachingFeedSink)? = nil, mirror: DriverMirror? = nil, tracing: LiveTracing? = nil,
        relayHub: TeamRelayHub? = nil, settings: DriverSettings? = nil, eventLoop: any EventLoop
    ) {
        self.eventLoop = eventLoop
        self.relayHub = relayHub
        self.relays = relayHub?.box(for: driver.id)
        self.settings = settings ?? DriverSettings(language: language)
        self.tracing = tracing
        self.batchSpans = tracing.map { _ in LiveBatchSpans(capacity: live.ringCapacity) }
        self.mirror = mirror
        self.lapStore = lapStore
        self.limits = live
        self.voice = voice
        self.language = language
        self.feed = feed
        self.publicID = publicID
        self.driver = driver
        self.descriptor = descriptor
        self.isStored = isStored
        self.coach = coach
        self.store = store
        self.metrics = metrics
        self.ackInterval = .milliseconds(live.ackIntervalMilliseconds)
        self.inbox = FrameInbox(capacity: live.ringCapacity)
        self.logger = logger
    }

    /// Drains the inbox on the caller's task: the connection's, once it has published a batch
    /// (or when the inbox is full), and the ack ticker's, when held work is due. No task of the
    /// session's own waits to be woken: a wake-up of a second task for every batch cost CPU, and
    /// its frame memory (docs/performance.md). Only this actor touches the coach, so messages
    /// still leave in the order the coach produced them. Returns false, draining nothing, once
    /// the session is finishing: `finish()`'s final drain takes what is queued.
    ///
    /// Synchronous on the actor: its locals live on the thread's stack, not in an async frame
    /// that the calling task would keep for as long as it lives.
    @discardableResult
    func drainNow() -> Bool {
        guard finalDrain == nil else { return false }
        // What the drain queues leaves in one write (on the socket's loop: `coalescingWrites`).
        if let outbound { outbound.coalescingWrites { drain(finishing: false) } } else { drain(finishing: false) }
        return true
    }

    /// Pushes an accepted batch's frames into the inbox and coaches them, for its socket (the
    /// inbox's only producer): the ring is drained whenever it fills, so a batch larger than the
    /// ring goes through in parts, and what they queue leaves in one write. False when the
    /// session is finishing and takes no more frames (the socket is then closed).
    func coachBatch(_ batch: FrameBatch) -> Bool {
        let coached = { () -> Bool in
            var pushed = self.inbox.push(batch, from: 0)
            while pushed < batch.frames.count, self.drainNow() {
                pushed = self.inbox.push(batch, from: pushed)
            }
            guard pushed == batch.frames.count else { return false }
            self.inbox.publish(batch.sequence)
            self.drainNow()
            return true
        }
        guard let outbound else { return coached() }
        return outbound.coalescingWrites(coached)
    }

    /// The ack ticker's question: does the session hold an ack (or a cue) back that is due by
    /// `now` (`TickGate`)? One atomic load, without a hop onto the actor.
    nonisolated func hasDueWork(at now: NIODeadline) -> Bool {
        tickGate.shouldWake(at: now)
    }

    /// Connects a socket: writes `welcome` first, then lets coaching messages flow to it.
    /// `voice` is this connection's `hello.voice` (a resuming driver may switch it).
    func attach(_ socket: SocketSender, resumed: Bool, maxMessageBytes: Int, voice: Bool) {
        voiceOn = voice && self.voice != nil
        let welcome = ServerMessage.Welcome(
            sessionID: publicID, resumed: resumed, nextSequence: inbox.publishedSequence + 1,
            reference: coach.reference, maxMessageBytes: maxMessageBytes, batchesPerSecond: limits.batchesPerSecond,
            batchBurst: limits.batchBurst, topics: coach.topics.map(\.rawValue), settings: settings)
        let welcomeMessage = ServerMessage.welcome(welcome).outboundMessage(using: encoder)
        mirror?.sessionAttached(publicID, welcome: welcomeMessage, voice: self.voice.map { .init(voice: $0, language: language) })
        relays?.sessionStarted(publicID)
        socket.send(welcomeMessage)
        outbound = socket
        acknowledgedSequence = 0  // the new socket has heard no ack yet
        tickGate.hold()
        tellLapsStoredWhileDetached()
    }

    /// The socket is gone; coaching goes on, and its messages are dropped until a resume.
    func detach() {
        outbound = nil
        releaseExpiredToFeed(all: true)
    }

    /// Tells the driver why and closes the socket with the error's close code (a revoked token:
    /// `SessionRegistry.closeSessions(openedWith:reason:)` finishes the session right after).
    func closeSocket(with error: WireError) {
        guard let socket = outbound else { return }
        outbound = nil
        metrics.recordError(error.code)
        socket.send(ServerMessage.error(error).outboundMessage(using: encoder))
        socket.close(error.code.webSocketCloseCode ?? .policyViolation, reason: error.code.rawValue)
    }

    /// Ends the session: processes what is queued, stores the partial lap, records the end.
    /// Returns once that final drain is over, for every caller (the first one starts it).
    func finish() async {
        if let finalDrain { return await finalDrain.value }
        let final = Task {
            self.drain(finishing: true)
            // The session's last `lap` message and cue records go before its end is recorded.
            await self.lapReporter?.value
            await self.cueRecorder?.value
            await self.end()
        }
        finalDrain = final
        await final.value
    }

    /// Processes everything queued; `finishing`: the session's final drain, which also ends the
    /// coach's partial lap.
    private func drain(finishing: Bool) {
        let started = ContinuousClock.now
        releaseExpiredToFeed()
        // Read before popping: every frame of batches up to `processed` is then drained below.
        let processed = inbox.publishedSequence
        var events: [CoachingEvent] = []
        // The lap each event happened on, for the cue record.
        var eventLaps: [Int32] = []
        // Tracing on: which sampled batch each event came from (work on batch boundaries only).
        var trace = tracing.flatMap { tracing in batchSpans.map { DrainTrace(tracing: tracing, pending: $0) } }
        while let frame = inbox.pop() {
            // Past a limit the socket is closed and the session ends: what is left is dropped.
            if limitExceeded { continue }
            trace?.frame(batch: frame.batchSequence)
            let before = events.count
            coach.process(frame, into: &events)
            // One atomic load per frame while no team message waits; never over a coach's own cue.
            if let relays, relays.hasWaiting, events.count == before { relay(after: frame, from: relays, into: &events) }
            trace?.events(upTo: events.count)
            // The coach's lap, not the sim's counter: cues are recorded against the stored laps.
            currentLap = coach.lapNumber ?? frame.frame.lapNumber
            eventLaps.append(contentsOf: repeatElement(currentLap, count: events.count - eventLaps.count))
        }
        trace?.coachingDone(published: inbox.publishedSequence)
        let coachedNewBatches = processed > drainedSequence
        if coachedNewBatches {
            framesGap = lastFramesAt.map { started - $0 } ?? .zero
            lastFramesAt = started
        }
        drainedSequence = max(drainedSequence, processed)
        if finishing, !limitExceeded {
            coach.finish(into: &events)
            eventLaps.append(contentsOf: repeatElement(currentLap, count: events.count - eventLaps.count))
        }
        let hadWork = !events.isEmpty
        // A delta or cue goes out in this drain's write: a due ack can ride along (`drainSendsAck`).
        var sendsMessage = false
        var cues: [(cue: Cue, lap: Int32)] = []
        for (index, (event, lap)) in zip(events, eventLaps).enumerated() {
            switch event {
            case .cue(let cue):
                cues.append((cue, lap))
                metrics.cuesSent.increment()
                let span = trace?.startCue(event: index)
                sendsMessage = true
                let clip = sendCue(cue)
                offerToFeed(cue, lap: lap, driverClip: clip)
                if let span { Self.describe(cue, clip: clip, on: span) }
            case .delta(let sample):
                sendsMessage = true
                send(.delta(sample))
            case .lapCompleted(let lap):
                guard admitLap() else { continue }
                // Stored off the drain: nothing here waits for the database (`LiveSession+LapReports`);
                // a lap completed by a sampled batch is stored in that batch's trace.
                reportInBackground(lap, traceContext: trace?.context(event: index))
            case .referenceChanged(let choice):
                logger.debug("reference changed", metadata: ["reason": "\(choice.reason.rawValue)"])
            case .lapDiscarded(let fragment):
                fragmentDropped(fragment)
            case .lapCut(let cut):
                lapWasCut(cut)
            }
        }
        if processed > acknowledgedSequence,
            Self.drainSendsAck(
                sinceLastAck: lastAckAt.map { ContinuousClock.now - $0 }, withMessage: sendsMessage,
                batchGap: coachedNewBatches ? framesGap : nil, interval: ackInterval)
        {
            sendAck(processed)
        }
        trace?.endAll(processed: processed)
        if hadWork { metrics.drainDuration.record(duration: ContinuousClock.now - started) }
        if isStored, !cues.isEmpty { recordInBackground(cues) }
        tickGate.drainEnded(holdingUntil: heldWorkDue())
    }

    /// When the work this drain left for a later one is due: a cue held for its clip at once
    /// (it is released when its wait ends, checked at every tick); an ack held back by the
    /// interval when the interval is over, unless the client's next batch is expected before
    /// that batch would be late (one and a half of its last gap between batches, at most half
    /// an interval); nil when nothing is held.
    ///
    /// Why wait for the next batch: a client that streams in real time (every 100 ms) gets its
    /// held ack from its next batch's drain, a few tens of milliseconds later. The ticker sending
    /// it instead cost a hop onto the session and a socket write of its own for nearly every ack
    /// of every driver. A client that sends in bursts and then waits for the ack (a full send
    /// window) has a short last gap, so its ack is due when the interval is over, as before.
    private func heldWorkDue() -> NIODeadline? {
        if !cuesAwaitingClip.isEmpty { return .now() }
        guard outbound != nil, drainedSequence > acknowledgedSequence else { return nil }
        guard let lastAckAt else { return .now() }
        let now = ContinuousClock.now
        let due = Self.heldAckDue(lastAckAt: lastAckAt, lastFramesAt: lastFramesAt ?? now, framesGap: framesGap, interval: ackInterval)
        return .now() + TimeAmount(due - now)
    }

    /// Whether a drain sends the ack it holds. Once the interval is over: at once, unless the
    /// client streams (`batchGap`, the time since its batch before, is at most half an interval);
    /// then with the delta or cue the drain sends anyway (one write for both), and on its own only
    /// once two intervals are over. A drain without new batches (`batchGap` nil: the ack ticker's)
    /// and the first ack of a socket send at once.
    ///
    /// Why: a real-time client's batch brings a delta about every other time, and its acks fell
    /// as often on the batches between: at 1,000 drivers, 7.5 socket writes a second per driver
    /// became 5.5 (docs/performance.md, "Acks ride with deltas"). A streaming client whose
    /// batches bring no delta (no reference yet) still hears an ack at least every two intervals;
    /// one that stops streaming hears it from the ticker (`heldAckDue`), as before. There is never
    /// more than one ack per interval, as docs/protocol.md says.
    static func drainSendsAck(sinceLastAck: Duration?, withMessage: Bool, batchGap: Duration?, interval: Duration) -> Bool {
        guard let sinceLastAck else { return true }
        guard sinceLastAck >= interval else { return false }
        guard let batchGap, batchGap <= interval / 2 else { return true }
        return withMessage || sinceLastAck >= interval * 2
    }

    /// When the ticker should send a held ack (see `heldWorkDue`).
    static func heldAckDue(
        lastAckAt: ContinuousClock.Instant, lastFramesAt: ContinuousClock.Instant, framesGap: Duration, interval: Duration
    ) -> ContinuousClock.Instant {
        max(lastAckAt + interval, lastFramesAt + min(framesGap * 3 / 2, interval / 2))
    }

    /// Says the next team message after `frame` if the coach allows a cue there; it then goes
    /// out as any cue does (text and clip, listeners, the feed, the cue record).
    private func relay(after frame: LiveFrame, from box: RelayBox, into events: inout [CoachingEvent]) {
        guard let message = box.next, let cue = coach.relay(message) else { return }
        box.said(message.id)
        events.append(.cue(cue))
        // The coach's lap, as every cue record uses (the sim's counter may skip laps).
        relayHub?.recordSaid(
            message.id, sessionID: publicID, lapNumber: coach.lapNumber ?? frame.frame.lapNumber, lapDistance: Double(frame.frame.lapDistance))
    }

    /// The ack the protocol puts right before every `lap`: what is drained now, even when the
    /// coalesced ack already said it (the lap's commit may have taken longer than an interval).
    func ackBeforeLap() {
        guard outbound != nil, drainedSequence > 0 else { return }
        acknowledgedSequence = max(acknowledgedSequence, drainedSequence)
        lastAckAt = .now
        send(.ack(sequence: acknowledgedSequence))
    }

    func sendAck(_ sequence: UInt64) {
        guard sequence > acknowledgedSequence, outbound != nil else { return }
        acknowledgedSequence = sequence
        lastAckAt = .now
        send(.ack(sequence: sequence))
    }

    /// The cue at once, with its clip right behind it when the clip is ready; returns that clip.
    /// A clip not ready yet never holds the cue back: the cue goes out as text only and the clip
    /// follows on its own when it is rendered in time (`renderLateClip`).
    @discardableResult
    private func sendCue(_ cue: Cue) -> CueClip? {
        let clip = voiceOn ? voice?.readyClip(for: cue.text, language: language) : nil
        let message = clip.flatMap { VoiceClipMessage.encode(cueID: cue.id, clip: $0) }
        send(.cue(cue, clip: message == nil ? nil : clip))
        guard voiceOn else { return nil }
        guard let message else {
            metrics.voiceClipsMissed.increment()
            renderLateClip(for: cue, toDriver: true)
            return nil
        }
        metrics.voiceClipsSent.increment()
        sendClip(message)
        return clip
    }

    /// How long after its cue a clip is still worth sending. Feedback is about the corner just
    /// driven: a second later the driver is already on the next straight and still wants to
    /// hear it; much later it would talk over the next corner's cues.
    static let lateClipWindow = Duration.seconds(1)

    /// Renders the clip of a cue that went out as text only and, if it is ready within
    /// `lateClipWindow` (a new 2 s phrase takes about 35 ms, docs/performance.md), hands it to
    /// the feed's held-back cue and, when `toDriver`, sends it to the driver naming its cue.
    private func renderLateClip(for cue: Cue, toDriver: Bool) {
        guard let voice else { return }
        let language = language
        let sentAt = ContinuousClock.now
        Task {
            guard let clip = await voice.renderedClip(for: cue.text, language: language),
                  ContinuousClock.now - sentAt <= Self.lateClipWindow
            else { return }
            self.lateClipRendered(clip, cueID: cue.id, toDriver: toDriver)
        }
    }

    private func lateClipRendered(_ clip: CueClip, cueID: UInt64, toDriver: Bool) {
        releaseToFeed(cueID, clip: clip)
        if toDriver { writeLateClip(clip, cueID: cueID) }
    }

    /// Offers a cue to the feed, once. Teammates hear its clip whether or not the driver
    /// listens: a clip ready now goes with it; else the cue waits (off the live path, at most
    /// `lateClipWindow`) for the late render and goes with that clip, or without one.
    private func offerToFeed(_ cue: Cue, lap: Int32, driverClip: CueClip?) {
        guard let feed else { return }
        let event = CueEvent(cue, lap: Int(lap), driver: driver.name, session: publicID)
        // The driver's `readyClip` already asked (and started a render) when their voice is on.
        let ready = driverClip ?? (voiceOn ? nil : voice?.readyClip(for: cue.text, language: language))
        if ready != nil || voice == nil {
            feed.offer(.cue(event.with(ready)))
            return
        }
        cuesAwaitingClip[cue.id] = (event, ContinuousClock.now.advanced(by: Self.lateClipWindow))
        // The driver's late render, when there is one, serves the feed too (one render per phrase).
        if !voiceOn { renderLateClip(for: cue, toDriver: false) }
    }

    /// Offers a held-back cue, with `clip` when given; the first call for a cue wins.
    private func releaseToFeed(_ cueID: UInt64, clip: CueClip?) {
        guard let held = cuesAwaitingClip.removeValue(forKey: cueID) else { return }
        feed?.offer(.cue(held.event.with(clip)))
    }

    /// Offers without a clip the held-back cues whose wait has ended (all of them with `all`: the
    /// socket is gone, and no ticker wakes a detached session).
    private func releaseExpiredToFeed(all: Bool = false) {
        guard !cuesAwaitingClip.isEmpty else { return }
        let now = ContinuousClock.now
        for (cueID, held) in cuesAwaitingClip.sorted(by: { $0.key < $1.key }) where all || held.until <= now {
            releaseToFeed(cueID, clip: nil)
        }
    }

    private func writeLateClip(_ clip: CueClip, cueID: UInt64) {
        guard voiceOn, outbound != nil, let message = VoiceClipMessage.encode(cueID: cueID, clip: clip) else { return }
        metrics.voiceClipsLate.increment()
        sendClip(message)
    }

    private func sendClip(_ message: [UInt8]) {
        guard let outbound else { return }
        // False: the socket is closing; the connection detaches the session on its own.
        if !outbound.send(.binary(ByteBuffer(bytes: message), kind: .voiceClip)) { self.outbound = nil }
    }

    /// A queued cue's span: what was said, where, and whether its clip went with it.
    private static func describe(_ cue: Cue, clip: CueClip?, on span: any Span) {
        span.attributes["trailbrake.cue.id"] = Int(truncatingIfNeeded: cue.id)
        span.attributes["trailbrake.cue.kind"] = cue.kind.rawValue
        span.attributes["trailbrake.cue.topic"] = cue.topic.rawValue
        span.attributes["trailbrake.cue.corner"] = cue.corner
        span.attributes["trailbrake.cue.clip"] = clip != nil
        span.end()
    }

    /// Queues a message for the driver and mirrors it to their listeners; waits for neither.
    func send(_ message: ServerMessage) {
        mirror?.publish(message, from: publicID)
        guard let outbound else { return }
        if !outbound.send(message.outboundMessage(using: encoder)) { self.outbound = nil }
    }

    private func end() async {
        releaseExpiredToFeed(all: true)
        batchSpans?.endAll()
        mirror?.sessionEnded(publicID)
        if let relays { relayHub?.recordNotSaid(relays.sessionEnded(publicID).map(\.id)) }
        guard isStored else { return }
        do { try await store.endSession(publicID, driverID: driver.id, endedAt: Date()) } catch {
            logger.warning("ending a session record failed", metadata: ["error": "\(error)"])
        }
        // The Discord bot DMs the report to a linked driver (it reads the stored session itself).
        feed?.offer(.sessionEnded(SessionEndedEvent(
            driverName: driver.name, driverID: driver.id, sessionID: publicID, language: language.rawValue)))
    }
}
