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

/// When the ack ticker sends a held ack: not while the client's next batch, whose drain sends
/// it, is expected soon (a real-time client: no hop and no write of the ticker's own per ack),
/// but when the interval is over for a client that sent a burst and waits for the ack.
@Suite struct HeldAckScheduleTests {
    static let start = ContinuousClock.now
    static func at(_ milliseconds: Int) -> ContinuousClock.Instant { start + .milliseconds(milliseconds) }

    @Test func aRealTimeClientsNextBatchSendsItsHeldAck() {
        // Acked at 0; batches every 100 ms, the last at 200: not due to the ticker at 250 but at
        // 325 (half an interval after the last batch), so the batch at 300 sends it.
        let due = LiveSession.heldAckDue(lastAckAt: Self.at(0), lastFramesAt: Self.at(200), framesGap: .milliseconds(100), interval: .milliseconds(250))
        #expect(due == Self.at(325))
        // Every 50 ms, the last at 200: due at 275, after the batch at 250.
        let faster = LiveSession.heldAckDue(lastAckAt: Self.at(0), lastFramesAt: Self.at(200), framesGap: .milliseconds(50), interval: .milliseconds(250))
        #expect(faster == Self.at(275))
    }

    @Test func aClientWaitingForItsAckAfterABurstGetsItWhenTheIntervalIsOver() {
        let due = LiveSession.heldAckDue(lastAckAt: Self.at(0), lastFramesAt: Self.at(40), framesGap: .milliseconds(1), interval: .milliseconds(250))
        #expect(due == Self.at(250))
    }

    @Test func aSlowClientWaitsAtMostHalfAnIntervalPastItsLastBatch() {
        // Batches a second apart, the last at 200: the ack goes 125 ms after it, not a second later.
        let due = LiveSession.heldAckDue(lastAckAt: Self.at(0), lastFramesAt: Self.at(200), framesGap: .seconds(1), interval: .milliseconds(250))
        #expect(due == Self.at(325))
    }
}
