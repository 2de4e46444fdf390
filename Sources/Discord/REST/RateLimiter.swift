/// Paces REST requests so Discord never has to answer 429: per-route buckets learnt from the
/// `X-RateLimit-*` headers, the global 50 requests per second, and the invalid-request guard.
///
/// Until a route's bucket is known, its requests go one at a time, so a burst learns the limit
/// from the first answer instead of tripping it.
actor RateLimiter {
    private struct Bucket {
        var limit: Int
        var remaining: Int
        var resetAt: ContinuousClock.Instant
        /// The last reset-after seen: the guess for the next window until an answer corrects it.
        var window: Duration
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
            if let until = globalBlockedUntil, until > now, !route.isInteraction {
                try await clock.sleep(until: until)
                continue
            }
            let key = route.limiterKey
            if let bucketID = bucketOfRoute[route.template + route.method], let bucket = buckets[bucketID + route.majorParameter] {
                if bucket.remaining <= 0, bucket.resetAt > now {
                    try await clock.sleep(until: bucket.resetAt)
                    continue
                }
            } else if unknownRouteInFlight.contains(key) {
                try await clock.sleep(for: .milliseconds(5))
                continue
            }
            if !route.isInteraction {
                globalSent.removeAll { now - $0 >= .seconds(1) }
                if globalSent.count >= Self.globalPerSecond, let oldest = globalSent.first {
                    try await clock.sleep(until: oldest + .seconds(1))
                    continue
                }
                globalSent.append(now)
            }
            take(route, now: now)
            return
        }
    }

    private func take(_ route: Route, now: ContinuousClock.Instant) {
        if let bucketID = bucketOfRoute[route.template + route.method] {
            let id = bucketID + route.majorParameter
            if var bucket = buckets[id] {
                if bucket.resetAt <= now {  // refilled; the next answer corrects the guess
                    bucket.remaining = bucket.limit
                    bucket.resetAt = now + bucket.window
                }
                bucket.remaining -= 1
                buckets[id] = bucket
            } else {
                // Bucket id known, but not yet this channel's: learn it with one request.
                unknownRouteInFlight.insert(route.limiterKey)
            }
        } else {
            unknownRouteInFlight.insert(route.limiterKey)
        }
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
        guard let bucketID = headers.bucket, let remaining = headers.remaining else { return }
        bucketOfRoute[route.template + route.method] = bucketID
        var resetAfter = headers.resetAfter ?? 1
        if status == 429, let retryAfter { resetAfter = max(resetAfter, retryAfter) }
        let window = Duration.milliseconds(Int64(min(resetAfter, 3_600) * 1_000))
        let id = bucketID + route.majorParameter
        var bucket = Bucket(limit: max(headers.limit ?? 1, 1), remaining: remaining, resetAt: now + window, window: window)
        // Answers to concurrent requests arrive in any order: within one window the lowest
        // count left is the true one.
        if let known = buckets[id] {
            // Reset-after shrinks as a window runs out: the longest seen is the window's length.
            bucket.window = max(known.window, window)
            if known.resetAt > now {
                bucket.remaining = min(known.remaining, remaining)
                if status != 429 { bucket.resetAt = max(known.resetAt, bucket.resetAt) }
            }
        }
        buckets[id] = bucket
    }

    /// A request that never got an answer: lets the next one of its route go.
    func abandon(_ route: Route) {
        unknownRouteInFlight.remove(route.limiterKey)
    }
}
