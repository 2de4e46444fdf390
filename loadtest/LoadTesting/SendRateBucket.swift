import WireClient

/// The client's side of the server's batch rate limit (`welcome.limits`): a token bucket that
/// says when the next batch may go, so an as-fast-as-possible driver or a resend after a resume
/// never meets `rate_limited`.
///
/// It keeps a margin under what the server announces (`headroom`), because the server counts a
/// batch when it reads it, and batches sent evenly can arrive bunched.
struct SendRateBucket: Sendable, Equatable {
    static let headroom = 0.9

    let ratePerSecond: Double
    let burst: Double
    private var tokens: Double
    private var updated: ContinuousClock.Instant

    /// nil when the server announced no limit (an older server, or the echo endpoint).
    init?(_ limits: ServerReply.Limits?, at now: ContinuousClock.Instant) {
        guard let rate = limits?.batchesPerSecond, let burst = limits?.batchBurst, rate > 0, burst > 0 else { return nil }
        self.ratePerSecond = rate * Self.headroom
        self.burst = max(1, (Double(burst) * Self.headroom).rounded(.down))
        self.tokens = self.burst
        self.updated = now
    }

    /// Takes the next batch's token and returns when that batch may be sent: `now` while the
    /// bucket holds one, else the instant its token will have refilled. Reservations queue up,
    /// so each call is a later slot than the one before.
    mutating func reserve(at now: ContinuousClock.Instant) -> ContinuousClock.Instant {
        if now > updated {
            tokens = min(burst, tokens + (now - updated).inSeconds * ratePerSecond)
            updated = now
        }
        tokens -= 1
        guard tokens < 0 else { return now }
        return updated + .seconds(-tokens / ratePerSecond)
    }
}

extension Duration {
    var inSeconds: Double { Double(components.seconds) + Double(components.attoseconds) / 1e18 }
}
