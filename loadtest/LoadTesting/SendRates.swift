import Synchronization
import WireClient

/// The batch rate limits the server announced, one bucket per token: the server limits a
/// driver over all their connections, so simulated drivers sharing a token share one bucket.
final class SendRates: Sendable {
    private let buckets = Mutex<[String: SendRateBucket]>([:])

    init() {}

    /// Learns a token's limits from its first `welcome` that names them.
    func learn(_ limits: ServerReply.Limits?, for token: String, at now: ContinuousClock.Instant = .now) {
        buckets.withLock { buckets in
            guard buckets[token] == nil, let bucket = SendRateBucket(limits, at: now) else { return }
            buckets[token] = bucket
        }
    }

    /// Waits until the token's next batch may go; at once while the server announced no limit.
    func waitForTurn(of token: String) async throws {
        let now = ContinuousClock.now
        guard let due = buckets.withLock({ $0[token]?.reserve(at: now) }), due > now else { return }
        try await Task.sleep(until: due, clock: .continuous)
    }
}
