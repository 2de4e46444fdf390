import Foundation

/// Discord's per-route buckets as the fake enforces them: a fixed window per bucket and major
/// parameter (the channel), opened by the first request that arrives after the previous one
/// ended, and counted when a request *arrives*, whatever window the client thought it was in.
/// Over the limit the answer is a 429, as Discord's; the fake also records the most requests
/// that ever arrived in one window, so a test can check the limit independently of the 429 count.
struct FakeBuckets: Sendable {
    var limit = 5
    /// Seconds.
    var window = 0.25
    private(set) var tooManyRequests = 0
    /// The most requests (allowed or refused) that arrived in one window of any bucket.
    private(set) var peakArrivalsPerWindow = 0
    private var windows: [String: Window] = [:]

    private struct Window {
        var start: Date
        var arrivals: Int
        var allowed: Int
    }

    /// Where a request stands in its bucket, with the numbers Discord's headers carry.
    struct Verdict: Sendable {
        var allowed: Bool
        var limit: Int
        var remaining: Int
        /// Epoch seconds when the window ends (`X-RateLimit-Reset`).
        var reset: Double
        /// Seconds until then (`X-RateLimit-Reset-After`, also `retry_after` of a 429).
        var resetAfter: Double

        /// The `X-RateLimit-*` headers of an allowed request.
        var headers: [(String, String)] {
            [
                ("X-RateLimit-Limit", String(limit)), ("X-RateLimit-Remaining", String(remaining)),
                ("X-RateLimit-Reset", String(format: "%.3f", reset)), ("X-RateLimit-Reset-After", String(format: "%.3f", resetAfter)),
                ("X-RateLimit-Bucket", FakeBuckets.bucketID),
            ]
        }
    }

    /// One bucket id for every route the fake limits, as Discord shares one for all messages.
    static let bucketID = "fakebucket"

    /// Counts a request arriving now for `key` (bucket + major parameter).
    mutating func arrive(_ key: String, now: Date = Date()) -> Verdict {
        var current = windows[key] ?? Window(start: now, arrivals: 0, allowed: 0)
        if now.timeIntervalSince(current.start) >= window { current = Window(start: now, arrivals: 0, allowed: 0) }
        current.arrivals += 1
        peakArrivalsPerWindow = max(peakArrivalsPerWindow, current.arrivals)
        let allowed = current.allowed < limit
        if allowed { current.allowed += 1 } else { tooManyRequests += 1 }
        windows[key] = current
        let reset = current.start.timeIntervalSince1970 + window
        return Verdict(
            allowed: allowed, limit: limit, remaining: limit - current.allowed, reset: reset,
            resetAfter: max(0, reset - now.timeIntervalSince1970))
    }
}
