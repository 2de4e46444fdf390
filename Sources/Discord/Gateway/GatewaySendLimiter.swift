/// Discord closes a connection that sends more than 120 payloads in 60 s. Ordinary sends get
/// 110 of them, so heartbeats always find room in the last 10.
actor GatewaySendLimiter {
    static let window: Duration = .seconds(60)
    static let limit = 120
    static let reservedForHeartbeats = 10
    private var sent: [ContinuousClock.Instant] = []
    private let clock = ContinuousClock()

    /// Waits until one more payload may be sent, and counts it.
    func acquire(heartbeat: Bool) async throws {
        let allowed = heartbeat ? Self.limit : Self.limit - Self.reservedForHeartbeats
        while true {
            let now = clock.now
            sent.removeAll { now - $0 >= Self.window }
            if sent.count < allowed {
                sent.append(now)
                return
            }
            try await clock.sleep(until: sent[sent.count - allowed] + Self.window)
        }
    }

    /// Payloads counted in the current window.
    var count: Int {
        let now = clock.now
        return sent.filter { now - $0 < Self.window }.count
    }

    /// A new connection starts with a fresh budget.
    func reset() { sent.removeAll() }
}
