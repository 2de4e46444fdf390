import ServerSettings
import Synchronization
import Telemetry

/// Batches per second per driver, over all their connections: a token bucket holding up to
/// `burst` batches, refilled at `ratePerSecond`. A batch that finds it empty gets `rate_limited`
/// and its connection is closed (the session stays resumable).
///
/// The defaults (`[live]`) let a real client through with room to spare: 60 Hz in 100 ms
/// batches is 10 a second, and a client that resends everything unacknowledged after a resume
/// sends up to the resume window's worth at once (120 s of 10 a second: 1,200, within the burst of 1,500).
final class BatchRateLimiter: Sendable {
    struct Bucket {
        var tokens: Double
        var updated: ContinuousClock.Instant

        /// Refills for the time since the last batch, then takes one token if there is one.
        mutating func take(rate: Double, burst: Double, at now: ContinuousClock.Instant) -> Bool {
            let elapsed = now - updated
            let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
            tokens = min(burst, tokens + max(seconds, 0) * rate)
            updated = now
            guard tokens >= 1 else { return false }
            tokens -= 1
            return true
        }
    }

    let ratePerSecond: Double
    let burst: Int
    private let buckets = Mutex<[Int64: Bucket]>([:])
    /// Past this many drivers' buckets, full (idle) ones are forgotten: a full bucket is what a
    /// driver without one starts with, so forgetting it changes nothing.
    static let sweepThreshold = 4_096

    init(ratePerSecond: Double, burst: Int) {
        self.ratePerSecond = ratePerSecond
        self.burst = burst
    }

    convenience init(_ live: ServerConfiguration.Live) {
        self.init(ratePerSecond: live.batchesPerSecond, burst: live.batchBurst)
    }

    /// nil when the driver may send this batch, else the error to send before closing.
    func admit(driverID: Int64, at now: ContinuousClock.Instant = .now) -> WireError? {
        let (rate, burst) = (ratePerSecond, Double(burst))
        let admitted = buckets.withLock { buckets in
            if buckets.count > Self.sweepThreshold { Self.forgetFull(&buckets, rate: rate, burst: burst, at: now) }
            return buckets[driverID, default: Bucket(tokens: burst, updated: now)].take(rate: rate, burst: burst, at: now)
        }
        guard !admitted else { return nil }
        return WireError(
            .rateLimited, "more than \(self.burst) batches at once or \(ratePerSecond) a second; pace resends to welcome.limits")
    }

    private static func forgetFull(
        _ buckets: inout [Int64: Bucket], rate: Double, burst: Double, at now: ContinuousClock.Instant
    ) {
        buckets = buckets.filter { _, bucket in
            let idle = now - bucket.updated
            return bucket.tokens + Double(idle.components.seconds) * rate < burst
        }
    }
}
