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

    /// A client that streams (batches 25 ms apart) hears its acks with the cues its batches bring
    /// (every third batch here: the fake coach cues a frame on the brake), in one write each, not
    /// in writes of their own from the batches in between; still at most one per interval.
    @Test func aStreamingClientsAcksRideWithItsCues() async throws {
        let batches: UInt64 = 90
        try await RunningServer.with(backend: TestBackend(), configure: { $0.live.ackIntervalMilliseconds = Self.interval }) { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    let sender = Task {
                        for seq in 1...batches {
                            var frames = ClientMessages.frames(2, from: Int(seq) * 10)
                            if seq % 3 == 0 { frames[1].brake = 1 }
                            try await outbound.write(.binary(ClientMessages.binaryFrames(seq: seq, frames)))
                            try await Task.sleep(for: .milliseconds(25))
                        }
                    }
                    var acks: [(seq: UInt64, at: ContinuousClock.Instant)] = []
                    var lastCueSeq: UInt64 = 0
                    var acksAfterTheirCue = 0
                    while acks.last?.seq != batches, let reply = try await reader.next(nil) {
                        if reply.type == "cue" { lastCueSeq = reply.seq ?? 0 }
                        guard reply.type == "ack", let seq = reply.seq else { continue }
                        // An ack that rode with a cue comes right behind it, for the same batch.
                        if seq == lastCueSeq { acksAfterTheirCue += 1 }
                        acks.append((seq, .now))
                    }
                    try await sender.value
                    // The first ack goes at once and the last from the ticker once the batches stop;
                    // every one between rode with its batch's cue.
                    let between = acks.dropFirst().dropLast()
                    #expect(between.count >= 3, "\(acks.map(\.seq))")
                    #expect(between.allSatisfy { $0.seq % 3 == 0 }, "\(acks.map(\.seq))")
                    #expect(acksAfterTheirCue >= between.count)
                    for (earlier, later) in zip(acks, acks.dropFirst()) {
                        #expect(later.at - earlier.at >= .milliseconds(Self.interval - 20), "at most one ack per interval")
                    }
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

    /// A drain's own ack (`LiveSession.drainSendsAck`), with a 250 ms interval.
    @Test func aDueAckRidesWithAMessageWhileTheClientStreams() {
        func sends(_ since: Int?, message: Bool, gap: Int?) -> Bool {
            LiveSession.drainSendsAck(
                sinceLastAck: since.map { .milliseconds($0) }, withMessage: message, batchGap: gap.map { .milliseconds($0) },
                interval: .milliseconds(250))
        }
        #expect(sends(nil, message: false, gap: 100), "a socket's first ack goes at once")
        #expect(!sends(200, message: true, gap: 100), "never twice in an interval")
        // Streaming (batches 100 ms apart): with a delta or cue, or on its own two intervals on.
        #expect(sends(260, message: true, gap: 100))
        #expect(!sends(260, message: false, gap: 100))
        #expect(!sends(499, message: false, gap: 100))
        #expect(sends(500, message: false, gap: 100))
        // Not streaming (a batch after a pause), or the ticker's drain (no new batch): at once.
        #expect(sends(260, message: false, gap: 126))
        #expect(sends(260, message: false, gap: nil))
    }

    @Test func aSlowClientWaitsAtMostHalfAnIntervalPastItsLastBatch() {
        // Batches a second apart, the last at 200: the ack goes 125 ms after it, not a second later.
        let due = LiveSession.heldAckDue(lastAckAt: Self.at(0), lastFramesAt: Self.at(200), framesGap: .seconds(1), interval: .milliseconds(250))
        #expect(due == Self.at(325))
    }
}
