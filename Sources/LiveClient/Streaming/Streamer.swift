import Telemetry
import WireClient

/// Streams one source's frames to a Trailbrake server over protocol v1 and reports what the
/// server answers (docs/client.md).
///
/// Three tasks: the source (its events enter the `Outbox`), the delivery loop (one socket at a
/// time for the oldest session: `hello`, `welcome`, resends, batches, close 1000 once a closed
/// session is all acknowledged; reconnects with backoff), and one ticker, the only timer, for
/// batching deadlines, watchdogs and the status line. The writer wakes on a doorbell rung by
/// new frames, acks and ticks; nothing polls.
public actor Streamer {
    public nonisolated let settings: StreamerSettings
    /// The car's newest position, for the clip player.
    public nonisolated let position: CarPosition
    nonisolated let report: @Sendable (ClientEvent) -> Void

    var outbox: Outbox
    var status: StreamStatus
    var link = LinkState()
    var sourceEnded = false
    var sourceError: (any Error)?
    var sourceTask: Task<Void, Never>?
    var drainDeadline: ContinuousClock.Instant?
    var lastFrameAt: ContinuousClock.Instant?
    var silenceReported = false
    var bufferFull = false
    var droppedSinceFull = 0
    var refusedReasons: Set<String> = []
    var roundTrips: [Duration] = []
    var maximumFramesPerBatch = FrameBatch.maximumFrameCount
    var attempts = 0
    var undeliveredFrames = 0
    var lastStatus: StreamStatus?
    var lastStatusAt: ContinuousClock.Instant?
    /// Wakes the delivery loop: a session appeared, the source ended.
    nonisolated let changes: AsyncStream<Void>
    let changed: AsyncStream<Void>.Continuation

    /// The socket the delivery loop has open, as the ticker's watchdogs see it.
    struct LinkState {
        var segmentID: UInt64?
        var doorbell: AsyncStream<Void>.Continuation?
        var abort: (@Sendable () -> Void)?
        var abortReason: String?
        var openedAt: ContinuousClock.Instant?
        var welcomed = false
        var lastHeard: ContinuousClock.Instant?
        var closeSentAt: ContinuousClock.Instant?
    }

    public init(
        settings: StreamerSettings, simName: String, position: CarPosition = CarPosition(),
        report: @escaping @Sendable (ClientEvent) -> Void
    ) {
        self.settings = settings
        self.position = position
        self.report = report
        outbox = Outbox(capacity: settings.bufferFrames)
        status = StreamStatus(simName: simName)
        (changes, changed) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Runs until the source ends and its frames are delivered (or the drain timeout passes),
    /// `stop()` is called, or the server refuses the client for good (thrown).
    public func run(_ source: some SimSource) async throws {
        try settings.validate()
        sourceTask = Task {
            do {
                try await source.run { event in await self.accept(event) }
                sourceFinished(nil)
            } catch {
                sourceFinished(error is CancellationError ? nil : error)
            }
        }
        let ticker = Task { await self.tickLoop() }
        defer {
            ticker.cancel()
            sourceTask?.cancel()
        }
        do {
            try await deliver()
        } catch {
            status.link = .refused(reason: "\(error)")
            report(.refused(reason: "\(error)"))
            publishStatus(force: true)
            throw error
        }
        status.link = .finished
        publishStatus(force: true)
        if let sourceError { throw sourceError }
        if undeliveredFrames > 0 { throw UndeliveredFrames(count: undeliveredFrames) }
    }

    /// Ends the source (Ctrl-C): what it produced is still delivered and the session closed with 1000.
    public func stop() {
        sourceTask?.cancel()
    }

    // MARK: The source's side

    func accept(_ event: SimEvent) {
        switch event {
        case .session(let session):
            guard outbox.begin(session) else { return }
            status.session = session
            position.setTrackLength(session.track.length)
            report(.sessionStarted(session))
            changed.yield()
            ring()
        case .frame(let frame):
            accept(frame)
        case .status(let sim):
            guard status.sim != sim else { return }
            status.sim = sim
            report(.sim(sim))
        }
    }

    private func accept(_ frame: TelemetryFrame) {
        let now = ContinuousClock.now
        lastFrameAt = now
        if silenceReported {
            silenceReported = false
            status.sourceSilentFor = nil
            report(.sourceBack)
        }
        position.update(frame)
        status.lap = frame.lapNumber
        guard let open = outbox.segments.last, !open.closed else {
            return refuse("no_session", "frames before the sim reported its session are not sent")
        }
        do throws(WireError) {
            guard frame.presentChannels.isSuperset(of: .required) else {
                throw WireError(.badChannelMask, "a frame lacks a required channel")
            }
            try FrameValidator.validate(FrameBatch(sequence: 1, frames: [frame]), trackLength: open.session.track.length)
        } catch {
            return refuse(error.code.rawValue, error.message)
        }
        guard let dropped = outbox.append(frame, at: now) else { return }
        if dropped > 0 {
            status.droppedFrames += dropped
            droppedSinceFull += dropped
            if !bufferFull {
                bufferFull = true
                report(.bufferFull(capacity: outbox.capacity))
                publishStatus(force: true)
            }
        }
        ring()
    }

    /// A frame the server would refuse, dropped here so it cannot take its batch down with it.
    private func refuse(_ code: String, _ message: String) {
        status.refusedFrames += 1
        if refusedReasons.insert(code).inserted { report(.frameRefused(reason: "\(code): \(message)")) }
    }

    func sourceFinished(_ error: (any Error)?) {
        sourceEnded = true
        sourceError = error
        outbox.closeAll()
        drainDeadline = .now + settings.drainTimeout
        changed.yield()
        ring()
    }

    func ring() { link.doorbell?.yield() }
}

/// The run ended with frames the server never took (it stayed away past the drain timeout).
public struct UndeliveredFrames: Error, Sendable, Equatable, CustomStringConvertible {
    public let count: Int
    public var description: String { "\(count) frames were not delivered: the server stayed away past the drain timeout" }
}
