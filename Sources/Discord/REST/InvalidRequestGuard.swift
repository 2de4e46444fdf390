/// Counts 401, 403 and non-shared 429 answers over a sliding 10-minute window. Discord bans an
/// IP that gets 10,000 of them; the client refuses to send once `budget` is used up, well
/// before that, and sends again as old answers leave the window.
struct InvalidRequestGuard: Sendable {
    static let window: Duration = .seconds(600)
    let budget: Int
    private(set) var recent: [ContinuousClock.Instant] = []

    init(budget: Int) { self.budget = budget }

    mutating func record(at now: ContinuousClock.Instant) {
        prune(now)
        recent.append(now)
    }

    mutating func isExhausted(at now: ContinuousClock.Instant) -> Bool {
        prune(now)
        return recent.count >= budget
    }

    private mutating func prune(_ now: ContinuousClock.Instant) {
        if let keep = recent.firstIndex(where: { now - $0 < Self.window }) {
            recent.removeFirst(keep)
        } else {
            recent.removeAll()
        }
    }

    /// Whether a status counts toward Discord's invalid-request limit.
    static func counts(status: Int, scope: String?) -> Bool {
        status == 401 || status == 403 || (status == 429 && scope != "shared")
    }
}
