import Foundation
import Testing

@testable import CoachServer

/// Issue 13 item 5: a client that never reads. Its messages pile up in its own bounded queue
/// (`live.outbound_queue_bytes`) and it is closed when the queue overflows with cues or when
/// it has taken nothing for `live.slow_client_seconds`; meanwhile another driver's cue latency
/// stays within a generous multiple of what it was before (measured, printed).
@Suite(.serialized) struct SlowClientTests {
    /// 120 frames that each earn a cue from the fake coach (about 40 KB of cues per batch).
    static func brakingBatch(_ seq: UInt64) -> [ClientMessages.Frame] {
        (0..<120).map { ClientMessages.Frame(t: Double(seq) * 1_000 + Double($0), brake: 1) }
    }

    /// A client that says hello, stops reading and then sends braking batches every 50 ms.
    static func stuckClient(port: Int) async throws -> (HostileWebSocket, Task<Void, Never>) {
        let client = try await HostileWebSocket.connect(port: port, token: FakeAuthenticator.bobToken, receiveBufferBytes: 4_096)
        try await client.send(text: ClientMessages.hello())
        _ = try await client.next("welcome")
        try await client.socket.stopReading()
        let flood = Task {
            for seq in UInt64(1)...400 {
                do { try await client.sendBatch(seq: seq, brakingBatch(seq)) } catch { return }
                try? await Task.sleep(for: .milliseconds(50))
            }
        }
        return (client, flood)
    }

    @Test func aClientThatNeverReadsIsCutOffWithoutSlowingOthers() async throws {
        try await RunningServer.forRawClients(configure: {
            $0.live.outboundQueueBytes = 65_536
            $0.live.slowClientSeconds = 2
            $0.live.ackIntervalMilliseconds = 1  // an ack for every batch, so its latency can be measured
        }) { server in
            try await withTimeout(seconds: 90) {
                let (good, _) = try await HostileWebSocket.startSession(port: server.port)
                var latencies = ReplyLatencies(client: good)
                var measured = 0
                let before = try await latencies.measure { measured += 1; return measured > 40 }

                let (stuck, flood) = try await Self.stuckClient(port: server.port)
                defer { flood.cancel() }
                let started = ContinuousClock.now
                // Measured from its first batch until the server has closed it.
                let closedAt = Box<ContinuousClock.Instant>()
                let closed = Task {
                    defer { closedAt.value = .now }
                    return await stuck.socket.isClosed(within: 30)
                }
                let during = try await latencies.measure { closedAt.value != nil }
                #expect(await closed.value, "the stuck client was never closed")
                let closedAfter = ContinuousClock.now - started
                print("another driver before / while a client never read (closed after \(closedAfter)): "
                    + "cue \(before.cue) / \(during.cue), ack \(before.ack) / \(during.ack)")
                #expect(during.cue.p99 <= before.cue.p99 * 4 + 50, "a stuck client slowed another driver's cues down")
                #expect(during.ack.p99 <= before.ack.p99 * 4 + 50, "a stuck client slowed another driver's acks down")
                // Only the good client is attached; the stuck one's session waits for a resume.
                #expect(await eventually(within: 5) { try await server.liveSessions() == 1 })
                #expect(await Self.countedAsSlow(server))
            }
        }
    }

    /// The server counted one socket it closed for a slow client.
    static func countedAsSlow(_ server: RunningServer) async -> Bool {
        await eventually(within: 10) {
            let (_, metrics) = try await RESTTests.get(server, "/metrics", token: nil)
            return metrics.contains(#"trailbrake_live_sockets_ended_total{how="slow_client"} 1"#)
        }
    }

    @Test func aClientBehindForTooLongIsClosedEvenWhenItsQueueHasRoom() async throws {
        try await RunningServer.forRawClients(configure: {
            $0.live.outboundQueueBytes = 64 << 20  // never full in this test: only the clock can close it
            $0.live.slowClientSeconds = 1
        }) { server in
            try await withTimeout(seconds: 60) {
                let (stuck, flood) = try await Self.stuckClient(port: server.port)
                defer { flood.cancel() }
                let started = ContinuousClock.now
                #expect(await stuck.socket.isClosed(within: 20))
                let elapsed = ContinuousClock.now - started
                #expect(elapsed >= .seconds(1), "closed after \(elapsed), before the slow-client time")
                #expect(await Self.countedAsSlow(server))
            }
        }
    }
}
