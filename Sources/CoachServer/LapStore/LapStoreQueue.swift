import Coaching
import Logging
import Tracing

/// Every completed lap on its way to the single lap writer: fair between drivers, bounded, and
/// never dropped when the database fails.
///
/// - Fair: each driver has a queue; writes start round-robin over the drivers with a lap waiting,
///   one write per driver at a time and `concurrentWrites` in all, so one driver's laps never
///   queue ahead of everyone's. A driver with `maxPendingPerDriver` laps queued or being
///   written waits before submitting another (only their session's line of lap reports
///   waits; its coaching goes on, `LiveSession+LapReports`).
/// - Bounded wait: `submit` returns `.stored` when the lap commits within `wait`, else
///   `.pending`: the session reports the lap `stored: false` and goes on coaching; the listener
///   hears `lapStored` once it is committed (`lap_stored` on the wire).
/// - Faults (`LapStoreQueue+Faults`): a failed store opens a breaker; laps then wait in memory
///   (up to `memoryBytes`, then in files) and one probe retries on the queue's own timer with
///   doubling backoff; when a probe commits, every waiting lap is written again in turn. At
///   shutdown whatever is not committed goes to files, which the next start stores.
actor LapStoreQueue {
    let store: any SessionStore
    let spill: (any PendingLapSpill)?
    let settings: LapStoreSettings
    let metrics: ServerMetrics
    let logger: Logger
    /// A `lap.store` span per attempt to commit a lap; nil when tracing is off.
    let tracer: (any Tracer)?

    private var nextTicket: UInt64 = 1
    /// Laps waiting for a write, per driver, oldest first.
    var ready: [Int64: [LapStoreJob]] = [:]
    /// Drivers with a lap in `ready`, in round-robin order.
    var turns: [Int64] = []
    /// Writes running, per driver and in all.
    var writing: [Int64: Int] = [:]
    var writingTotal = 0
    /// Jobs being written, by ticket (a shutdown spills them too: their write may not end in time).
    var inFlight: [UInt64: LapStoreJob] = [:]
    /// Sessions waiting for room in their driver's queue.
    var roomWaiters: [Int64: [CheckedContinuation<Void, Never>]] = [:]
    /// Sessions waiting for their lap's first commit, and until when.
    var outcomeWaiters: [UInt64: (continuation: CheckedContinuation<LapStoreOutcome, Never>, until: ContinuousClock.Instant)] = [:]
    /// Laps whose store failed, waiting for the breaker to close (oldest first).
    var retrying: [LapStoreJob] = []
    /// Laps being written to files, by ticket.
    var spilling: [UInt64: LapStoreJob] = [:]
    /// Bytes of laps held in memory (ready, writing, retrying, spilling).
    var memoryBytes = 0
    /// Consecutive failed stores: 0 means the database takes laps (the breaker is closed).
    var consecutiveFailures = 0
    /// When the next probe may start while the breaker is open.
    var nextProbe: ContinuousClock.Instant?
    var probeTicket: UInt64?
    var timer: Task<Void, Never>?
    var timerDue: ContinuousClock.Instant?
    /// Set by `shutDown`: resumed once nothing is ready or being written.
    var drainedWaiter: CheckedContinuation<Void, Never>?
    var shutdownDeadline: ContinuousClock.Instant?
    /// True when the last listing of spilled files hit its limit: list again once those are stored.
    var moreFilesOnDisk = false
    /// Set at the end of `shutDown`: every lap not stored is in a file; nothing more is started.
    var isShutDown = false

    init(
        store: any SessionStore, spill: (any PendingLapSpill)?, settings: LapStoreSettings, metrics: ServerMetrics,
        logger: Logger, tracer: (any Tracer)? = nil
    ) {
        self.tracer = tracer
        self.store = store
        self.spill = spill
        self.settings = settings
        self.metrics = metrics
        self.logger = logger
    }

    /// Hands a completed lap to the store. Waits for room in the driver's queue, then for the
    /// lap's commit up to `settings.wait`.
    func submit(
        _ lap: CompletedLap, sessionID: String, driverID: Int64, listener: (any LapStoreListener)?
    ) async -> LapStoreOutcome {
        while queuedOrWriting(driverID) >= settings.maxPendingPerDriver, isStoring {
            await withCheckedContinuation { roomWaiters[driverID, default: []].append($0) }
        }
        let job = LapStoreJob(
            ticket: takeTicket(), sessionID: sessionID, driverID: driverID, lapNumber: lap.lapNumber, payload: .lap(lap),
            listener: WeakLapStoreListener(listener), submittedAt: .now, traceContext: InstrumentationContext.current)
        memoryBytes += job.memoryBytes
        guard !isShutDown else {
            // A session ending after the shutdown (it should not happen): straight to a file.
            writeToFileNow(job)
            return .pending(ticket: job.ticket)
        }
        guard isStoring else {
            // The database is failing: no point waiting; the lap waits for the next probe.
            keepForRetry(job)
            return .pending(ticket: job.ticket)
        }
        enqueue(job)
        dispatch()
        return await withCheckedContinuation { continuation in
            outcomeWaiters[job.ticket] = (continuation, ContinuousClock.now.advanced(by: settings.wait))
            scheduleTimer()
        }
    }

    /// True while the breaker is closed: the last store worked (or none failed yet).
    var isStoring: Bool { consecutiveFailures == 0 }

    func takeTicket() -> UInt64 {
        defer { nextTicket += 1 }
        return nextTicket
    }

    func queuedOrWriting(_ driverID: Int64) -> Int {
        (ready[driverID]?.count ?? 0) + (writing[driverID] ?? 0)
    }

    func enqueue(_ job: LapStoreJob) {
        if ready[job.driverID, default: []].isEmpty { turns.append(job.driverID) }
        ready[job.driverID, default: []].append(job)
    }

    /// Starts writes round-robin while slots are free (breaker closed only).
    func dispatch() {
        while isStoring, !isShutDown, writingTotal < settings.concurrentWrites, let job = nextInTurn() {
            start(job)
        }
    }

    /// The oldest lap of the first driver in turn with nothing being written; that driver goes
    /// to the back of the turn order when it has more.
    private func nextInTurn() -> LapStoreJob? {
        guard let index = turns.firstIndex(where: { (writing[$0] ?? 0) == 0 }) else { return nil }
        let driverID = turns.remove(at: index)
        var queue = ready[driverID] ?? []
        guard !queue.isEmpty else { return nextInTurn() }
        let job = queue.removeFirst()
        ready[driverID] = queue.isEmpty ? nil : queue
        if !queue.isEmpty { turns.append(driverID) }
        return job
    }

    func start(_ job: LapStoreJob) {
        writing[job.driverID, default: 0] += 1
        writingTotal += 1
        inFlight[job.ticket] = job
        let (store, spill) = (store, spill)
        let span = tracer.map { Self.startSpan(for: job, on: $0) }
        // Off the cooperative pool: busy coaching must not starve the writes (`StorageExecutor`).
        Task(executorPreference: StorageExecutor.shared) {
            let result: Result<Int64, any Error>
            do {
                switch job.payload {
                case .lap(let lap):
                    result = .success(try await store.storeLap(lap, sessionID: job.sessionID, driverID: job.driverID))
                case .file(let file):
                    guard let spill else { throw LapStoreQueueError.noSpillDirectory }
                    result = .success(try await spill.store(file))
                }
            } catch {
                result = .failure(error)
            }
            if let span { Self.endSpan(span, result: result) }
            await self.attemptEnded(job, result)
        }
    }

    private func attemptEnded(_ job: LapStoreJob, _ result: Result<Int64, any Error>) {
        writing[job.driverID, default: 1] -= 1
        if writing[job.driverID] == 0 { writing[job.driverID] = nil }
        writingTotal -= 1
        inFlight[job.ticket] = nil
        let wasProbe = probeTicket == job.ticket
        if wasProbe { probeTicket = nil }
        switch result {
        case .success(let lapID):
            committed(job, lapID: lapID)
        case .failure(let error) where store.isPermanentFailure(error):
            memoryBytes -= job.memoryBytes
            lose(job, because: "the store refuses it: \(error)")
            outcomeWaiters.removeValue(forKey: job.ticket)?.continuation.resume(returning: .refused)
        case .failure(let error):
            failed(job, error: error, wasProbe: wasProbe)
        }
        wakeRoomWaiters(job.driverID)
        dispatch()
        notifyIfDrained()
        scheduleTimer()
    }

    private func committed(_ job: LapStoreJob, lapID: Int64) {
        memoryBytes -= job.memoryBytes
        metrics.lapsStored.increment()
        if let waiter = outcomeWaiters.removeValue(forKey: job.ticket) {
            waiter.continuation.resume(returning: .stored(lapID: lapID))
        } else {
            metrics.lapsStoredLate.increment()
            logger.info(
                "a lap that had failed to store is stored",
                metadata: ["session": "\(job.sessionID)", "lap": "\(job.lapNumber)", "lap_id": "\(lapID)"])
            if let listener = job.listener.value {
                Task { await listener.lapStored(ticket: job.ticket, lapNumber: job.lapNumber, lapID: lapID) }
            }
        }
        if !isStoring { breakerClosed() }
        if case .file = job.payload, moreFilesOnDisk, !hasFileJobs { resumeSpilledLaps() }
        publishGauges()
    }

    func wakeRoomWaiters(_ driverID: Int64) {
        guard var waiters = roomWaiters[driverID], !waiters.isEmpty,
              queuedOrWriting(driverID) < settings.maxPendingPerDriver || !isStoring
        else { return }
        let first = waiters.removeFirst()
        roomWaiters[driverID] = waiters.isEmpty ? nil : waiters
        first.resume()
    }

    /// Logs and counts a lap that will never be stored; the only way a lap is given up.
    func lose(_ job: LapStoreJob, because reason: String) {
        metrics.lapsLost.increment()
        logger.error(
            "a lap is lost",
            metadata: [
                "session": "\(job.sessionID)", "driver": "\(job.driverID)", "lap": "\(job.lapNumber)", "reason": "\(reason)",
            ])
    }
}

enum LapStoreQueueError: Error, CustomStringConvertible {
    case noSpillDirectory

    var description: String { "no pending-laps directory is configured" }
}

extension LapStoreQueue {
    /// One attempt to commit a lap (the lap writer's transaction, or a spilled file's).
    static func startSpan(for job: LapStoreJob, on tracer: any Tracer) -> any Span {
        let span = tracer.startSpan(LiveTracing.Name.lapStore, context: job.traceContext ?? .topLevel, ofKind: .internal)
        span.attributes["trailbrake.session"] = job.sessionID
        span.attributes["trailbrake.driver.id"] = Int(job.driverID)
        span.attributes["trailbrake.lap.number"] = Int(job.lapNumber)
        span.attributes["trailbrake.lap.attempt"] = job.failures + 1
        span.attributes["trailbrake.lap.from_file"] = !job.isInMemory
        return span
    }

    static func endSpan(_ span: any Span, result: Result<Int64, any Error>) {
        switch result {
        case .success(let lapID):
            span.attributes["trailbrake.lap.id"] = Int(lapID)
        case .failure(let error):
            // The error's type only: its text may quote SQL or paths, never needed in a trace.
            span.attributes["trailbrake.error"] = String(describing: type(of: error))
            span.setStatus(SpanStatus(code: .error))
        }
        span.end()
    }
}
