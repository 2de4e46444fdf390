/// Every session the server holds: attached to a socket, or detached and waiting for its
/// driver to resume it within the resume window.
actor SessionRegistry {
    enum ResumeOutcome {
        case resumed(LiveSession)
        /// The session belongs to another driver (`resume_rejected`).
        case rejected
        /// Unknown, expired, or still attached to another socket: a new session starts.
        case unavailable
    }

    private struct Entry {
        let session: LiveSession
        var attached: Bool
        var expiry: Task<Void, Never>?
    }

    private var entries: [String: Entry] = [:]
    private let resumeWindow: Duration
    private let metrics: ServerMetrics

    /// Each driver's listeners, whichever session the driver is in.
    nonisolated let listeners: ListenerHub

    init(resumeWindow: Duration, metrics: ServerMetrics, listeners: ListenerHub) {
        self.resumeWindow = resumeWindow
        self.metrics = metrics
        self.listeners = listeners
    }

    /// Sessions attached to a socket now.
    var liveSessionCount: Int { entries.values.count(where: { $0.attached }) }

    func register(_ session: LiveSession) {
        entries[session.publicID] = Entry(session: session, attached: true, expiry: nil)
        publishGauge()
    }

    /// Hands a detached session back to its driver.
    func resume(sessionID: String, driverID: Int64) -> ResumeOutcome {
        guard var entry = entries[sessionID] else { return .unavailable }
        guard entry.session.driver.id == driverID else { return .rejected }
        guard !entry.attached else { return .unavailable }
        entry.expiry?.cancel()
        entry.expiry = nil
        entry.attached = true
        entries[sessionID] = entry
        publishGauge()
        return .resumed(entry.session)
    }

    /// The socket dropped: keep the session for the resume window, then finish it.
    func detach(_ session: LiveSession) {
        guard var entry = entries[session.publicID], entry.attached else { return }
        entry.attached = false
        let window = resumeWindow
        entry.expiry = Task {
            try? await Task.sleep(for: window)
            guard !Task.isCancelled else { return }
            await self.expire(session.publicID)
        }
        entries[session.publicID] = entry
        publishGauge()
    }

    /// The driver closed the session: forget it and finish it (its partial lap is stored).
    func end(_ session: LiveSession) async {
        guard let entry = entries[session.publicID], entry.session === session else { return }
        entries[session.publicID] = nil
        entry.expiry?.cancel()
        publishGauge()
        await session.finish()
    }

    /// Finishes every session (server shutdown): partial laps are stored.
    func finishAll() async {
        let all = entries.values
        entries.removeAll()
        publishGauge()
        for entry in all {
            entry.expiry?.cancel()
            await entry.session.finish()
        }
    }

    private func expire(_ sessionID: String) async {
        guard let entry = entries[sessionID], !entry.attached else { return }
        entries[sessionID] = nil
        await entry.session.finish()
    }

    private func publishGauge() { metrics.liveSessions.record(liveSessionCount) }
}
