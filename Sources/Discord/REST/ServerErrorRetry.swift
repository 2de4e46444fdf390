/// Bounded retries for Discord's passing failures: 5xx answers (Cloudflare 502/504, Envoy 503,
/// 500) and requests that failed on the way (reset connection, timeout).
///
/// Only requests that are safe to send twice are retried, since the failed attempt may have
/// taken effect before its answer was lost: GET, PUT, PATCH and DELETE; Create DM (it returns
/// the existing channel); and Create Message when it carries a nonce with `enforce_nonce`
/// (Discord returns the earlier message for a repeated nonce). Other POSTs, above all
/// interaction callbacks (a second one is refused as already acknowledged), fail at once.
struct ServerErrorRetry: Sendable {
    /// Attempts in all, the first included.
    var attempts: Int
    var initialDelay: Duration
    var maximumDelay: Duration

    static let standard = ServerErrorRetry(attempts: 4, initialDelay: .milliseconds(500), maximumDelay: .seconds(4))

    /// Statuses worth another try: the server or the edge failed, not the request.
    static func isRetryable(status: Int) -> Bool {
        status == 500 || status == 502 || status == 503 || status == 504
    }

    /// The pause before retry `retry` (1 for the first): doubling from `initialDelay` up to
    /// `maximumDelay`, the upper half random so that many clients failing together do not
    /// come back together.
    func delay(beforeRetry retry: Int, random: Double = Double.random(in: 0...1)) -> Duration {
        let doublings = min(max(retry - 1, 0), 16)
        let full = min(initialDelay * (1 << doublings), maximumDelay)
        return full / 2 + full / 2 * min(max(random, 0), 1)
    }
}
