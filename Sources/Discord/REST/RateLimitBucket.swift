/// One released request, held until its answer comes back (see `RateLimiter`).
struct RateLimitTicket: Sendable {
    let route: Route
    /// The bucket it was counted in; nil while the route's bucket was still unknown.
    let bucketKey: String?
    /// It went alone to learn a window (the route's first request, or the first after a reset).
    let isProbe: Bool
}

/// What the limiter knows of one Discord bucket (bucket id + major parameter).
struct RateLimitBucket: Sendable {
    var remaining: Int
    var resetAt: ContinuousClock.Instant
    /// Discord's `X-RateLimit-Reset` (epoch seconds): identifies the window an answer is about.
    var serverReset: Double?
    /// A request is out to learn the window after this one ran out.
    var probing = false
    /// Requests counted in this bucket whose answer has not come back.
    var inFlight = 0

    /// Which window an answer is about, relative to the one the bucket holds.
    enum Window { case earlier, current, next }

    /// Windows are told apart by their reset time (the same for every answer in one window, to
    /// the millisecond); without it, by whether the known window has run out.
    func window(of reset: Double?, now: ContinuousClock.Instant) -> Window {
        guard let known = serverReset, let reset else { return resetAt > now ? .current : .next }
        if reset < known - Self.resetTolerance { return .earlier }
        return reset > known + Self.resetTolerance ? .next : .current
    }

    /// Discord's windows last at least a second; answers about one window agree to the millisecond.
    private static let resetTolerance = 0.01
}
