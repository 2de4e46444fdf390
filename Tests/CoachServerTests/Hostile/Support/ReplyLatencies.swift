import Testing

/// Cue and ack latency of a well-behaved client: one braking frame per batch (the fake coach
/// cues it), each timed to its cue and to the ack naming its batch (the server must ack every
/// batch: `live.ack_interval_ms = 1`).
struct ReplyLatencies {
    struct Quantiles: CustomStringConvertible {
        var count: Int
        var p50: Double
        var p99: Double

        init(_ milliseconds: [Double]) {
            let sorted = milliseconds.sorted()
            func quantile(_ q: Double) -> Double {
                guard !sorted.isEmpty else { return 0 }
                return (sorted[min(sorted.count - 1, Int(Double(sorted.count) * q))] * 10).rounded() / 10
            }
            count = sorted.count
            p50 = quantile(0.5)
            p99 = quantile(0.99)
        }

        var description: String { "p50 \(p50) ms, p99 \(p99) ms over \(count)" }
    }

    struct Summary {
        var cue: Quantiles
        var ack: Quantiles
    }

    let client: HostileWebSocket
    private var seq: UInt64 = 0

    init(client: HostileWebSocket) { self.client = client }

    /// Measures batch after batch, 50 ms apart, until `done` says so.
    mutating func measure(until done: () -> Bool) async throws -> Summary {
        var cues: [Double] = []
        var acks: [Double] = []
        while !done() {
            seq += 1
            let sent = ContinuousClock.now
            try await client.sendBatch(seq: seq, [ClientMessages.Frame(t: Double(seq), brake: 1)])
            let cue = try await client.next("cue")
            #expect(cue.seq == seq)
            cues.append(Self.milliseconds(since: sent))
            while try await client.next("ack", skipping: ["delta", "cue"]).seq ?? 0 < seq {}
            acks.append(Self.milliseconds(since: sent))
            try await Task.sleep(for: .milliseconds(50))
        }
        return Summary(cue: Quantiles(cues), ack: Quantiles(acks))
    }

    private static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = ContinuousClock.now - start
        return Double(elapsed.components.seconds) * 1_000 + Double(elapsed.components.attoseconds) / 1e15
    }
}
