/// Paces REST requests so Discord never has to answer 429: per-route buckets learnt from the
/// `X-RateLimit-*` headers, the global 50 requests per second, and the invalid-request guard.
///
/// Until a route's bucket is known, its requests go one at a time, so a burst learns the limit
/// from the first answer instead of tripping it.
///
/// Discord counts a request in the window it *arrives* in, and requests travel: one released
/// near the end of a window (or held in the HTTP client's connection pool) can arrive in the
/// next. So every released request holds a `RateLimitTicket` until its answer (`update`) or
/// its failure (`abandon`), and each bucket counts its tickets out. When an answer reveals a
/// new window, its `X-RateLimit-Remaining` already counts the requests that arrived before it;
/// the ones still in flight may arrive after it, so they are taken off what is left. That may
/// count a late request twice (it arrived before the answer after all) or count one that lands
/// in the old window: both only make the limiter wait a little more, never send too many.
actor RateLimiter {
    static let globalPerSecond = 50
    private var bucketOfRoute: [String: String] = [:]
    private var buckets: [String: RateLimitBucket] = [:]
    private var unknownRouteInFlight: Set<String> = []
    private var globalSent: [ContinuousClock.Instant] = []
    private var globalBlockedUntil: ContinuousClock.Instant?
    private var invalidRequests: InvalidRequestGuard
    private var unauthorized = false
    private let clock = ContinuousClock()

    init(invalidRequestBudget: Int) {
        invalidRequests = InvalidRequestGuard(budget: invalidRequestBudget)
    }

    /// Waits until `route` may be sent, then takes one request from its budgets. The ticket goes
    /// back with the answer (`update`) or without one (`abandon`).
    func acquire(_ route: Route) async throws -> RateLimitTicket {
        while true {
            let now = clock.now
            if unauthorized { throw DiscordError.unauthorized }
            if invalidRequests.isExhausted(at: now) { throw DiscordError.invalidRequestBudgetExhausted }
            if !route.isInteraction {
                if let until = globalBlockedUntil, until > now {
                    try await clock.sleep(until: until)
                    continue
                }
                globalSent.removeAll { now - $0 >= .seconds(1) }
                if globalSent.count >= Self.globalPerSecond, let oldest = globalSent.first {
                    try await clock.sleep(until: oldest + .seconds(1))
                    continue
                }
            }
            switch takeFromBucket(route, now: now) {
            case .wait(let until):
                try await clock.sleep(until: until)
            case .send(let ticket):
                if !route.isInteraction { globalSent.append(now) }
                return ticket
            }
        }
    }

    private enum Take {
        case send(RateLimitTicket)
        case wait(until: ContinuousClock.Instant)
    }

    /// Takes one request from the route's bucket, or says when to look again if it is empty.
    ///
    /// When a window has run out, one request goes alone and its answer tells the others the
    /// new window: guessing it could overlap Discord's window and earn a 429.
    private func takeFromBucket(_ route: Route, now: ContinuousClock.Instant) -> Take {
        guard let key = bucketKey(route), var bucket = buckets[key] else {
            if unknownRouteInFlight.contains(route.limiterKey) { return .wait(until: now + Self.probePoll) }
            unknownRouteInFlight.insert(route.limiterKey)
            return .send(RateLimitTicket(route: route, bucketKey: nil, isProbe: true))
        }
        let isProbe: Bool
        if bucket.resetAt <= now {
            if bucket.probing { return .wait(until: now + Self.probePoll) }
            bucket.probing = true
            isProbe = true
        } else if bucket.remaining <= 0 {
            return .wait(until: bucket.resetAt)
        } else {
            bucket.remaining -= 1
            isProbe = false
        }
        bucket.inFlight += 1
        buckets[key] = bucket
        return .send(RateLimitTicket(route: route, bucketKey: key, isProbe: isProbe))
    }

    private static let probePoll: Duration = .milliseconds(5)

    private func bucketKey(_ route: Route) -> String? {
        bucketOfRoute[route.template + route.method].map { $0 + route.majorParameter }
    }

    /// Learns from an answer: the bucket's id, what is left and when it refills.
    func update(_ ticket: RateLimitTicket, status: Int, headers: RateLimitHeaders, retryAfter: Double?) {
        let now = clock.now
        let route = ticket.route
        giveBack(ticket)
        if status == 401 { unauthorized = true }
        if InvalidRequestGuard.counts(status: status, scope: headers.scope) { invalidRequests.record(at: now) }
        if status == 429, headers.isGlobal || headers.scope == "global", let retryAfter {
            globalBlockedUntil = now + .milliseconds(Int64(min(retryAfter, 3_600) * 1_000))
        }
        guard let bucketID = headers.bucket, let remaining = headers.remaining else { return }
        bucketOfRoute[route.template + route.method] = bucketID
        var resetAfter = headers.resetAfter ?? 1
        if status == 429, let retryAfter { resetAfter = max(resetAfter, retryAfter) }
        let resetAt = now + .milliseconds(Int64(min(resetAfter, 3_600) * 1_000))
        let key = bucketID + route.majorParameter
        guard var bucket = buckets[key] else {
            buckets[key] = RateLimitBucket(remaining: remaining, resetAt: resetAt, serverReset: headers.reset)
            return
        }
        switch bucket.window(of: headers.reset, now: now) {
        case .earlier:
            // A late answer about a window that is over says nothing about the current one.
            return
        case .current:
            // Answers to concurrent requests arrive in any order: the lowest count left is the true one.
            bucket.remaining = min(bucket.remaining, remaining)
            bucket.resetAt = max(bucket.resetAt, resetAt)
        case .next:
            bucket.remaining = max(0, remaining - bucket.inFlight)
            bucket.resetAt = resetAt
            bucket.serverReset = headers.reset
            bucket.probing = false
        }
        buckets[key] = bucket
    }

    /// A request that never got an answer: lets the next one of its route go.
    func abandon(_ ticket: RateLimitTicket) {
        giveBack(ticket)
    }

    private func giveBack(_ ticket: RateLimitTicket) {
        guard let key = ticket.bucketKey, var bucket = buckets[key] else {
            unknownRouteInFlight.remove(ticket.route.limiterKey)
            return
        }
        bucket.inFlight = max(0, bucket.inFlight - 1)
        if ticket.isProbe { bucket.probing = false }
        buckets[key] = bucket
    }
}
