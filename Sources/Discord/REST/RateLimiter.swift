/// Paces REST requests so Discord never has to answer 429: per-route buckets learnt from the
/// `X-RateLimit-*` headers, the global 50 requests per second, and the invalid-request guard.
///
/// Until a route's bucket is known, its requests go one at a time, so a burst learns the limit
/// from the first answer instead of tripping it.
actor RateLimiter {
    private struct Bucket {
        var remaining: Int
        var resetAt: ContinuousClock.Instant
        /// A request is out to learn the window after this one ran out.
        var probing = false
        /// Discord's `X-RateLimit-Reset` (epoch seconds): identifies the window an answer is about.
        var serverReset: Double?
    }

    static let globalPerSecond = 50
    private var bucketOfRoute: [String: String] = [:]
    private var buckets: [String: Bucket] = [:]
    private var unknownRouteInFlight: Set<String> = []
    private var globalSent: [ContinuousClock.Instant] = []
    private var globalBlockedUntil: ContinuousClock.Instant?
    private var invalidRequests: InvalidRequestGuard
    private var unauthorized = false
    private let clock = ContinuousClock()

    init(invalidRequestBudget: Int) {
        invalidRequests = InvalidRequestGuard(budget: invalidRequestBudget)
    }

    /// Waits until `route` may be sent, then takes one request from its budgets.
    func acquire(_ route: Route) async throws {
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
            if let wait = takeFromBucket(route, now: now) {
                try await clock.sleep(until: wait)
                continue
            }
            if !route.isInteraction { globalSent.append(now) }
            return
        }
    }

    /// Takes one request from the route's bucket; returns when to look again if it is empty.
    ///
    /// When a window has run out, one request goes alone and its answer tells the others the
    /// new window: guessing it could overlap Discord's window and earn a 429.
    private func takeFromBucket(_ route: Route, now: ContinuousClock.Instant) -> ContinuousClock.Instant? {
        guard let key = bucketKey(route), var bucket = buckets[key] else {
            if unknownRouteInFlight.contains(route.limiterKey) { return now + Self.probePoll }
            unknownRouteInFlight.insert(route.limiterKey)
            return nil
        }
        if bucket.resetAt <= now {
            if bucket.probing { return now + Self.probePoll }
            bucket.probing = true
        } else if bucket.remaining <= 0 {
            return bucket.resetAt
        } else {
            bucket.remaining -= 1
        }
        buckets[key] = bucket
        return nil
    }

    private static let probePoll: Duration = .milliseconds(5)

    private func bucketKey(_ route: Route) -> String? {
        bucketOfRoute[route.template + route.method].map { $0 + route.majorParameter }
    }

    /// Learns from an answer: the bucket's id, what is left and when it refills.
    func update(_ route: Route, status: Int, headers: RateLimitHeaders, retryAfter: Double?) {
        let now = clock.now
        unknownRouteInFlight.remove(route.limiterKey)
        if status == 401 { unauthorized = true }
        if InvalidRequestGuard.counts(status: status, scope: headers.scope) { invalidRequests.record(at: now) }
        if status == 429, headers.isGlobal || headers.scope == "global", let retryAfter {
            globalBlockedUntil = now + .milliseconds(Int64(min(retryAfter, 3_600) * 1_000))
        }
        guard let bucketID = headers.bucket, let remaining = headers.remaining else {
            if let key = bucketKey(route) { buckets[key]?.probing = false }
            return
        }
        // A late answer about an earlier window must not overwrite the current one.
        if let key = bucketKey(route), let known = buckets[key], let knownReset = known.serverReset, let reset = headers.reset,
            reset < knownReset - 0.001
        {
            return
        }
        bucketOfRoute[route.template + route.method] = bucketID
        var resetAfter = headers.resetAfter ?? 1
        if status == 429, let retryAfter { resetAfter = max(resetAfter, retryAfter) }
        let id = bucketID + route.majorParameter
        var bucket = Bucket(
            remaining: remaining, resetAt: now + .milliseconds(Int64(min(resetAfter, 3_600) * 1_000)), serverReset: headers.reset)
        // Answers to concurrent requests arrive in any order: within one window the lowest
        // count left is the true one.
        if let known = buckets[id], known.resetAt > now {
            bucket.remaining = min(known.remaining, remaining)
            if status != 429 { bucket.resetAt = max(known.resetAt, bucket.resetAt) }
        }
        buckets[id] = bucket
    }

    /// A request that never got an answer: lets the next one of its route go.
    func abandon(_ route: Route) {
        unknownRouteInFlight.remove(route.limiterKey)
        if let key = bucketKey(route) { buckets[key]?.probing = false }
    }
}
