import Foundation
import HummingbirdWSClient
import Testing

@testable import CoachServer

/// An ack held back by `live.ack_interval_ms` reaches a client that sends nothing more (one that
/// waits for it before sending, as a full send window does) soon after it is due: the ack
/// ticker looks four times per interval and wakes only the sessions whose held ack is due.
@Suite struct HeldAckTests {
    static let interval = 400

    @Test func aHeldAckArrivesWithinAQuarterIntervalOfBeingDue() async throws {
        try await RunningServer.with(backend: TestBackend(), configure: { $0.live.ackIntervalMilliseconds = Self.interval }) { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    var lateness: [Double] = []
                    for round in 0..<3 {
                        let first = UInt64(round * 2 + 1)
                        try await outbound.write(.binary(ClientMessages.binaryFrames(
                            seq: first, ClientMessages.frames(2, from: Int(first) * 10))))
                        // The first batch after a quiet interval is acknowledged at once...
                        #expect(try await reader.next("ack")?.seq == first)
                        let acked = ContinuousClock.now
                        // ...the next one right behind it is held back: nothing else will send it.
                        try await outbound.write(.binary(ClientMessages.binaryFrames(
                            seq: first + 1, ClientMessages.frames(2, from: Int(first + 1) * 10))))
                        #expect(try await reader.next("ack")?.seq == first + 1)
                        let waited = ContinuousClock.now - acked
                        lateness.append(Double(waited.components.seconds) * 1000 + Double(waited.components.attoseconds) / 1e15)
                        try await Task.sleep(for: .milliseconds(Self.interval + 50))  // quiet: the next first ack goes at once
                    }
                    // At most one ack per interval, never early...
                    #expect(lateness.allSatisfy { $0 >= Double(Self.interval) - 5 }, "\(lateness)")
                    // ...and at most a quarter interval late, plus 100 ms of scheduling slack (looking once
                    // per interval, an ack waited up to a whole interval more).
                    #expect(lateness.max()! < Double(Self.interval) * 1.25 + 100, "\(lateness)")
                }
            }
        }
    }
}
