import Foundation
import Logging
import Storage

/// What the queue does when the database fails: the breaker, the retry timer, the memory bound
/// with its files, and the shutdown that leaves nothing behind uncommitted and unwritten.
extension LapStoreQueue {
    /// A store failed in a way that may pass: open the breaker (or back off further), and keep
    /// this lap and every lap waiting for a write until a probe commits.
    func failed(_ job: LapStoreJob, error: any Error, wasProbe: Bool) {
        var job = job
        job.failures += 1
        metrics.lapStoreFailures.increment()
        // A write started before the breaker opened says nothing new; a failed probe backs off further.
        if isStoring || wasProbe {
            consecutiveFailures += 1
            nextProbe = ContinuousClock.now.advanced(by: settings.backoff(afterFailures: consecutiveFailures))
        }
        logger.warning(
            "storing a lap failed; it is kept and retried",
            metadata: [
                "session": "\(job.sessionID)", "lap": "\(job.lapNumber)", "failures": "\(job.failures)", "error": "\(error)",
            ])
        outcomeWaiters.removeValue(forKey: job.ticket)?.continuation.resume(returning: .pending(ticket: job.ticket))
        retrying.append(job)
        // Laps waiting for a write would fail the same way: they wait for the probe instead.
        for driverID in turns {
            for waiting in ready[driverID] ?? [] {
                outcomeWaiters.removeValue(forKey: waiting.ticket)?.continuation.resume(returning: .pending(ticket: waiting.ticket))
                retrying.append(waiting)
            }
            ready[driverID] = nil
        }
        turns.removeAll()
        // Sessions waiting for room need not wait for a database that fails: their laps go
        // straight to the kept ones.
        let waiting = roomWaiters.values.flatMap { $0 }
        roomWaiters.removeAll()
        for waiter in waiting { waiter.resume() }
        boundMemory()
        publishGauges()
    }

    /// A lap submitted while the breaker is open.
    func keepForRetry(_ job: LapStoreJob) {
        retrying.append(job)
        boundMemory()
        publishGauges()
        scheduleTimer()
    }

    /// A store worked again: every lap kept is written again, round-robin.
    func breakerClosed() {
        consecutiveFailures = 0
        nextProbe = nil
        logger.notice("lap storage works again", metadata: ["laps_waiting": "\(retrying.count + spilling.count)"])
        let kept = retrying
        retrying.removeAll()
        for job in kept { enqueue(job) }
    }

    // MARK: - The timer (one for the queue, never one per lap)

    /// Arms the timer for the earliest of: a session's wait running out, the next probe, the
    /// shutdown deadline. A timer already due earlier is kept.
    func scheduleTimer() {
        guard !isShutDown else { return }
        var due = outcomeWaiters.values.map(\.until).min()
        if let nextProbe, probeTicket == nil, !retrying.isEmpty { due = min(due ?? nextProbe, nextProbe) }
        if let shutdownDeadline, drainedWaiter != nil { due = min(due ?? shutdownDeadline, shutdownDeadline) }
        guard let due else {
            timer?.cancel()
            (timer, timerDue) = (nil, nil)
            return
        }
        if timer != nil, let timerDue, timerDue <= due { return }
        timer?.cancel()
        timerDue = due
        timer = Task { [weak self] in
            try? await Task.sleep(until: due, clock: .continuous)
            guard !Task.isCancelled else { return }
            await self?.timerFired()
        }
    }

    private func timerFired() {
        (timer, timerDue) = (nil, nil)
        let now = ContinuousClock.now
        for (ticket, waiter) in outcomeWaiters where waiter.until <= now {
            outcomeWaiters[ticket] = nil
            waiter.continuation.resume(returning: .pending(ticket: ticket))
        }
        if let nextProbe, nextProbe <= now, probeTicket == nil, !retrying.isEmpty {
            // One lap tries the database; the rest wait for its answer.
            let probe = retrying.removeFirst()
            probeTicket = probe.ticket
            start(probe)
        }
        if let shutdownDeadline, shutdownDeadline <= now, let waiter = drainedWaiter {
            drainedWaiter = nil
            waiter.resume()
        }
        scheduleTimer()
    }

    // MARK: - Memory and files

    /// Keeps laps held in memory within `settings.memoryBytes`: the oldest kept laps go to files.
    /// Without a file directory (or when writing files fails too) they stay in memory up to twice
    /// the bound; past that the oldest is given up, loudly (`lose`).
    func boundMemory() {
        // Laps already on their way to a file do not count: they leave memory soon.
        var staying = memoryBytes - spilling.values.reduce(0) { $0 + $1.memoryBytes }
        var excess = staying - settings.memoryBytes
        guard excess > 0 else { return }
        if let spill {
            var index = 0
            while excess > 0, index < retrying.count {
                guard retrying[index].isInMemory else {
                    index += 1
                    continue
                }
                let job = retrying.remove(at: index)
                excess -= job.memoryBytes
                staying -= job.memoryBytes
                write(job, to: spill)
            }
        }
        while staying > 2 * settings.memoryBytes, let index = retrying.firstIndex(where: \.isInMemory) {
            let job = retrying.remove(at: index)
            memoryBytes -= job.memoryBytes
            staying -= job.memoryBytes
            lose(job, because: "no room in memory for laps waiting to be stored, and no file could hold it")
        }
    }

    /// Writes the lap to its file off the actor (encoding and fsync take milliseconds).
    private func write(_ job: LapStoreJob, to spill: any PendingLapSpill) {
        guard case .lap(let lap) = job.payload else { return }
        spilling[job.ticket] = job
        Task.detached(priority: .utility) {
            let result = Result { try spill.spill(lap, sessionID: job.sessionID, driverID: job.driverID) }
            await self.written(job, result)
        }
    }

    private func written(_ job: LapStoreJob, _ result: Result<SpilledLap, any Error>) {
        guard spilling.removeValue(forKey: job.ticket) != nil else { return }
        var job = job
        switch result {
        case .success(let file):
            memoryBytes -= job.memoryBytes
            job.payload = .file(file)
            memoryBytes += job.memoryBytes
            metrics.lapsSpilled.increment()
        case .failure(let error):
            logger.error(
                "writing a lap to its pending file failed; it stays in memory",
                metadata: ["session": "\(job.sessionID)", "lap": "\(job.lapNumber)", "error": "\(error)"])
        }
        if isStoring { enqueue(job) } else { retrying.append(job) }
        if case .failure = result { boundMemory() }
        dispatch()
        publishGauges()
        notifyIfDrained()
        scheduleTimer()
    }

    /// Schedules the lap files a previous run (or this one) left: at start-up, and again once
    /// the files listed so far are stored when there were more than `settings.maxListedFiles`.
    func resumeSpilledLaps() {
        guard let spill else { return }
        let known = Set((retrying + Array(spilling.values) + Array(inFlight.values) + ready.values.flatMap { $0 }).compactMap {
            if case .file(let file) = $0.payload { file.url } else { nil }
        })
        let files = spill.spilledLaps(limit: settings.maxListedFiles).filter { !known.contains($0.url) }
        moreFilesOnDisk = files.count + known.count >= settings.maxListedFiles
        for file in files {
            let job = LapStoreJob(
                ticket: takeTicket(), sessionID: file.sessionID, driverID: file.driverID, lapNumber: file.lapNumber,
                payload: .file(file), listener: WeakLapStoreListener(nil), submittedAt: .now)
            memoryBytes += job.memoryBytes
            if isStoring { enqueue(job) } else { retrying.append(job) }
        }
        if !files.isEmpty { logger.notice("storing laps kept in files", metadata: ["laps": "\(files.count)"]) }
        dispatch()
        publishGauges()
        scheduleTimer()
    }

    // MARK: - Shutdown

    /// Waits until every lap that can be stored is (at most until `deadline`), then writes every
    /// lap still in memory to its file, including those whose write is still running (storing a
    /// lap twice stores it once). Sessions waiting for an outcome hear `.pending`.
    func shutDown(deadline: ContinuousClock.Instant) async {
        if !(ready.isEmpty && writingTotal == 0) {
            shutdownDeadline = deadline
            await withCheckedContinuation { drainedWaiter = $0; scheduleTimer() }
        }
        for (ticket, waiter) in outcomeWaiters {
            waiter.continuation.resume(returning: .pending(ticket: ticket))
        }
        outcomeWaiters.removeAll()
        let left = ready.values.flatMap { $0 } + Array(inFlight.values) + retrying + Array(spilling.values)
        let files = left.filter(writeToFileNow).count
        if files > 0 { logger.notice("laps not stored yet are kept in files for the next start", metadata: ["laps": "\(files)"]) }
        isShutDown = true
        timer?.cancel()
    }

    /// Writes a lap held in memory to its file here and now (shutdown); true when it is in a file.
    @discardableResult
    func writeToFileNow(_ job: LapStoreJob) -> Bool {
        guard case .lap(let lap) = job.payload else { return false }
        do {
            guard let spill else { throw LapStoreQueueError.noSpillDirectory }
            _ = try spill.spill(lap, sessionID: job.sessionID, driverID: job.driverID)
            return true
        } catch {
            lose(job, because: "not stored at shutdown and its file could not be written: \(error)")
            return false
        }
    }

    func notifyIfDrained() {
        guard let waiter = drainedWaiter, ready.isEmpty, writingTotal == 0, spilling.isEmpty else { return }
        drainedWaiter = nil
        waiter.resume()
    }

    // MARK: - Health

    /// Laps not stored yet (queued, being written, kept after a failure, being written to a
    /// file), how many of them are in files, and how long the oldest has waited.
    func health() -> LapStoreHealth {
        let all = ready.values.flatMap { $0 } + Array(inFlight.values) + retrying + Array(spilling.values)
        let oldest = all.map(\.submittedAt).min().map { ContinuousClock.now - $0 }
        return LapStoreHealth(
            storing: isStoring, pending: all.count, inFiles: all.count(where: { !$0.isInMemory }),
            oldestPendingSeconds: oldest.map { Double($0.components.seconds) + Double($0.components.attoseconds) / 1e18 })
    }

    /// True while a job whose lap is in a file is queued, being written or kept.
    var hasFileJobs: Bool {
        (ready.values.flatMap { $0 } + Array(inFlight.values) + retrying).contains { !$0.isInMemory }
    }

    func publishGauges() {
        let health = health()
        metrics.lapsPending.record(health.pending)
        metrics.lapsInFiles.record(health.inFiles)
    }
}

/// The lap store's part of `/api/v1/health`.
struct LapStoreHealth: Sendable, Equatable, Encodable {
    /// False while stores fail (the breaker is open).
    var storing: Bool
    /// Laps not stored yet (normally 0 to 2: those being written).
    var pending: Int
    /// Of those, the laps kept in files (`<data_dir>/pending-laps`).
    var inFiles: Int
    var oldestPendingSeconds: Double?
}
