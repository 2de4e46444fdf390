/// The line between commands and the sync service. A command asks for a guild's sync and waits
/// for its outcome; the service takes the requests at the start of each cycle, before the
/// guilds its schedule makes due. Bounded: at most `maxWaiting` commands wait at once, and a
/// guild's requests are refused for `cooldown` after one was taken (both answered at once).
public actor LeagueSyncRequests {
    struct Request: Sendable {
        var guildID: String
        /// Who asked first (the audit log's actor).
        var actorID: String
    }

    let maxWaiting: Int
    let cooldown: Duration
    let wakeup = SyncWakeup()
    private var attached = false
    private var queued: [Request] = []
    private var waiters: [String: [CheckedContinuation<LeagueSyncOutcome, Never>]] = [:]
    private var lastRequest: [String: ContinuousClock.Instant] = [:]

    init(maxWaiting: Int, cooldown: Duration) {
        self.maxWaiting = max(1, maxWaiting)
        self.cooldown = cooldown
    }

    /// Commands waiting for an outcome.
    var waitingCount: Int { waiters.values.reduce(0) { $0 + $1.count } }

    /// Whether a sync service is running to answer.
    public var isAvailable: Bool { attached }

    /// Syncs `guildID` as soon as the service can and returns what came of it. A second request
    /// for a guild already waiting shares the first one's sync.
    public func sync(guildID: String, actorID: String) async -> LeagueSyncOutcome {
        guard attached else { return .unavailable }
        let now = ContinuousClock.now
        if waiters[guildID] == nil {
            if let last = lastRequest[guildID], now - last < cooldown {
                return .coolingDown(seconds: max(1, Int(((cooldown - (now - last)) / .seconds(1)).rounded(.up))))
            }
            guard waitingCount < maxWaiting else { return .busy }
            queued.append(Request(guildID: guildID, actorID: actorID))
            lastRequest[guildID] = now
        } else if waitingCount >= maxWaiting {
            return .busy
        }
        return await withCheckedContinuation { continuation in
            waiters[guildID, default: []].append(continuation)
            wakeup.signal()
        }
    }

    /// Wakes the service so it looks at its schedule again (a guild's settings changed).
    public func scheduleChanged() { wakeup.signal() }

    func attach() { attached = true }

    /// The service stops: whoever waits is told it is unavailable.
    func detach() {
        attached = false
        queued = []
        let waiting = waiters.values.flatMap { $0 }
        waiters = [:]
        for waiter in waiting { waiter.resume(returning: .unavailable) }
    }

    /// Up to `limit` requested guilds, oldest request first.
    func take(limit: Int) -> [Request] {
        let taken = Array(queued.prefix(max(0, limit)))
        queued.removeFirst(taken.count)
        return taken
    }

    /// Answers everyone waiting for `guildID`.
    func finish(guildID: String, with outcome: LeagueSyncOutcome) {
        for waiter in waiters.removeValue(forKey: guildID) ?? [] { waiter.resume(returning: outcome) }
    }
}
