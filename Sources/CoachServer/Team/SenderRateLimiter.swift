import Synchronization

/// At most `perMinute` team messages per sender in any 60 s (a sliding window of send times).
/// Holds at most `perMinute` instants per sender who sent within the last minute; older
/// senders' entries are dropped as they are met, so the table stays as large as the senders
/// of the last minute.
final class SenderRateLimiter: Sendable {
    let perMinute: Int
    private let window: Duration
    private let sent = Mutex<[Int64: [ContinuousClock.Instant]]>([:])

    init(perMinute: Int, window: Duration = .seconds(60)) {
        self.perMinute = perMinute
        self.window = window
    }

    /// True and counted when `sender` may send now; false (nothing counted) when they sent
    /// `perMinute` messages within the window.
    func admit(_ sender: Int64, now: ContinuousClock.Instant = .now) -> Bool {
        sent.withLock { sent in
            let cutoff = now - window
            if sent.count > 64 { sent = sent.filter { $0.value.last.map { $0 > cutoff } ?? false } }
            var times = sent[sender, default: []].filter { $0 > cutoff }
            guard times.count < perMinute else {
                sent[sender] = times
                return false
            }
            times.append(now)
            sent[sender] = times
            return true
        }
    }
}
