import Telemetry

/// Every session the server holds: attached to a socket, or detached and waiting for its
/// driver to resume it within the resume window. It also enforces the session limits
/// (`live.max_sessions`, `live.max_sessions_per_driver`), counting attached and detached ones.
actor SessionRegistry {
    enum ResumeOutcome {
        case resumed(LiveSession)
        /// The session belongs to another driver (`resume_rejected`).
        case rejected
        /// Unknown, expired, or still attached to another socket: a new session starts.
        case unavailable
    }

    struct Limits: Sendable {
        var total: Int
        var perDriver: Int
    }

    enum Admission {
        /// A place is held for the driver's new session until `register` (a session is always
        /// made once admitted: one that cannot be stored still coaches).
        case admitted
        case refused(WireError)
    }

    private struct Entry {
        let session: LiveSession
        /// When the socket dropped; nil while the session is attached to one.
        var detachedAt: ContinuousClock.Instant?
        var attached: Bool { detachedAt == nil }
    }

    private var entries: [String: Entry] = [:]
    /// The entries attached to a socket, kept at every change: counting them for the gauge at
    /// every register, detach and resume read every entry, so a ramp-up of n drivers cost n²/2
    /// entry copies (a few percent of the server's CPU while 1,000 drivers connected).
    private(set) var liveSessionCount = 0
    /// Sessions per driver, registered plus admitted and still being created.
    private var perDriver: [Int64: Int] = [:]
    private var admittedTotal = 0
    private let resumeWindow: Duration
    private let limits: Limits
    private let metrics: ServerMetrics
    /// The one timer for every detached session: it sleeps until the earliest resume window
    /// ends, finishes the sessions whose window has ended, and sleeps again while any waits. A
    /// sleeping task per detached session would be thousands of them after a network blip.
    private var expiryTimer: (deadline: ContinuousClock.Instant, task: Task<Void, Never>)?

    /// Each driver's listeners, whichever session the driver is in.
    nonisolated let listeners: ListenerHub
    /// Each driver's team messages waiting to be said, whichever session the driver is in.
    nonisolated let relays: TeamRelayHub?

    init(
        resumeWindow: Duration, limits: Limits = Limits(total: .max, perDriver: .max), metrics: ServerMetrics,
        listeners: ListenerHub, relays: TeamRelayHub? = nil
    ) {
        self.relays = relays
        self.resumeWindow = resumeWindow
        self.limits = limits
        self.metrics = metrics
        self.listeners = listeners
    }

    /// Holds a place for a new session of `driverID`. A driver at their limit first loses their
    /// oldest detached session (finished now: its partial lap is stored); one whose sessions are
    /// all attached is refused, as is everyone while the server holds `limits.total` sessions.
    func admit(driverID: Int64) async -> Admission {
        var evicted: Entry?
        if perDriver[driverID, default: 0] >= limits.perDriver {
            evicted = entries.values.filter { $0.session.driver.id == driverID && !$0.attached }
                .min { ($0.detachedAt ?? .now) < ($1.detachedAt ?? .now) }
            guard evicted != nil else {
                return .refused(WireError(
                    .tooManySessions, "this driver already has \(limits.perDriver) sessions open; end one (close 1000) first"))
            }
        }
        guard entries.count - (evicted == nil ? 0 : 1) + admittedTotal < limits.total else {
            return .refused(WireError(.serverBusy, "the server holds its maximum of \(limits.total) sessions; try again later"))
        }
        admittedTotal += 1
        perDriver[driverID, default: 0] += 1
        if let evicted {
            remove(evicted.session.publicID)
            await evicted.session.finish()
        }
        return .admitted
    }

    /// Adds an admitted session, attached.
    func register(_ session: LiveSession) {
        admittedTotal -= 1
        if entries.updateValue(Entry(session: session, detachedAt: nil), forKey: session.publicID)?.attached != true {
            liveSessionCount += 1
        }
        publishGauge()
    }

    /// Hands a detached session back to its driver.
    func resume(sessionID: String, driverID: Int64) -> ResumeOutcome {
        guard var entry = entries[sessionID] else { return .unavailable }
        guard entry.session.driver.id == driverID else { return .rejected }
        guard !entry.attached else { return .unavailable }
        entry.detachedAt = nil
        entries[sessionID] = entry
        liveSessionCount += 1
        publishGauge()
        return .resumed(entry.session)
    }

    /// The socket dropped: keep the session for the resume window, then finish it.
    func detach(_ session: LiveSession) {
        guard var entry = entries[session.publicID], entry.attached else { return }
        let now = ContinuousClock.now
        entry.detachedAt = now
        entries[session.publicID] = entry
        liveSessionCount -= 1
        // Windows are all the same length: a timer already armed wakes before this one ends.
        if expiryTimer == nil { armExpiryTimer(at: now.advanced(by: resumeWindow)) }
        publishGauge()
    }

    /// The driver closed the session: forget it and finish it (its partial lap is stored).
    func end(_ session: LiveSession) async {
        guard let entry = entries[session.publicID], entry.session === session else { return }
        remove(session.publicID)
        await session.finish()
    }

    /// Finishes every session (server shutdown), all at once: partial laps are stored.
    func finishAll() async {
        let all = Array(entries.values)
        for entry in all { remove(entry.session.publicID) }
        expiryTimer?.task.cancel()
        expiryTimer = nil
        await withDiscardingTaskGroup { group in
            for entry in all { group.addTask { await entry.session.finish() } }
        }
    }

    private func armExpiryTimer(at deadline: ContinuousClock.Instant) {
        expiryTimer = (deadline, Task {
            try? await Task.sleep(until: deadline, clock: .continuous)
            guard !Task.isCancelled else { return }
            await self.expireDue(armedFor: deadline)
        })
    }

    /// Finishes (partial lap stored) every detached session whose resume window has ended,
    /// together, and arms the timer for the next window to end while any session waits.
    private func expireDue(armedFor deadline: ContinuousClock.Instant) async {
        guard expiryTimer?.deadline == deadline else { return }  // cancelled by `finishAll`
        expiryTimer = nil
        let now = ContinuousClock.now
        var due: [Entry] = []
        var nextDetach: ContinuousClock.Instant?
        for entry in entries.values {
            guard let detachedAt = entry.detachedAt else { continue }  // attached
            if detachedAt.advanced(by: resumeWindow) <= now {
                due.append(entry)
            } else {
                nextDetach = min(nextDetach ?? detachedAt, detachedAt)
            }
        }
        for entry in due { remove(entry.session.publicID) }
        if let nextDetach { armExpiryTimer(at: nextDetach.advanced(by: resumeWindow)) }
        await withDiscardingTaskGroup { group in
            for entry in due { group.addTask { await entry.session.finish() } }
        }
    }

    private func remove(_ sessionID: String) {
        guard let entry = entries.removeValue(forKey: sessionID) else { return }
        if entry.attached { liveSessionCount -= 1 }
        decrement(entry.session.driver.id)
        publishGauge()
    }

    private func decrement(_ driverID: Int64) {
        let count = perDriver[driverID, default: 0] - 1
        perDriver[driverID] = count > 0 ? count : nil
    }

    private func publishGauge() { metrics.liveSessions.record(liveSessionCount) }

    /// The tokens the held sessions were opened with (attached or waiting for a resume).
    var tokenIDsInUse: Set<Int64> { Set(entries.values.compactMap { $0.session.driver.tokenID }) }

    /// Ends every session opened with one of `tokenIDs` (revoked or expired): an attached one is
    /// told `reason` and its socket closed, none can be resumed, each is finished (its partial
    /// lap stored). Returns how many were ended.
    func closeSessions(openedWith tokenIDs: Set<Int64>, reason: WireError) async -> Int {
        let closing = entries.filter { $0.value.session.driver.tokenID.map(tokenIDs.contains) ?? false }
        for id in closing.keys { remove(id) }
        for entry in closing.values {
            await entry.session.closeSocket(with: reason)
            await entry.session.finish()
        }
        return closing.count
    }
}
