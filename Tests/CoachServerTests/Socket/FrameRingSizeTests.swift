import Coaching
import ServerSettings
import Telemetry
import Testing

@testable import CoachServer

/// The frame ring holds what one drain takes, not a whole largest batch: the connection drains
/// its session whenever the ring is full. The default and the smallest accepted size at their
/// edges, and a batch of the protocol's largest size through the default ring, coached whole.
@Suite struct FrameRingSizeTests {
    @Test func theDefaultRingHoldsTwo60HzBatchesAndIsAPowerOfTwo() throws {
        let capacity = try ServerConfiguration.load(file: [:], environment: [:]).live.ringCapacity
        #expect(capacity == 16)
        #expect(capacity.nonzeroBitCount == 1)
        #expect(capacity >= 2 * 6)  // two 100 ms batches at 60 Hz
        #expect(capacity < FrameBatch.maximumFrameCount)
    }

    @Test func ringsBelowEightAreRefusedAndTheEdgeIsAccepted() throws {
        #expect(throws: ConfigurationError.invalidValue(key: "live.ring_capacity", reason: "must be in 8...1048576")) {
            try ServerConfiguration.load(file: ["live": ["ring_capacity": .integer(7)]], environment: [:])
        }
        let edge = try ServerConfiguration.load(file: ["live": ["ring_capacity": .integer(8)]], environment: [:])
        #expect(edge.live.ringCapacity == 8)
        let larger = try ServerConfiguration.load(file: [:], environment: ["TRAILBRAKE_LIVE_RING_CAPACITY": "256"])
        #expect(larger.live.ringCapacity == 256)
    }

    /// A frame the fake coach logs by its session time, `index`.
    static func frame(_ index: Int) -> TelemetryFrame {
        TelemetryFrame(sessionTime: Double(index), lapNumber: 1, lapDistance: 1, speed: 1, throttle: 1, brake: 0, gear: 3)
    }

    /// The largest batch the protocol allows is 7.5 default rings: the connection drains the
    /// session each time the ring fills, and the batch is coached whole, in order, and acked.
    @Test func aLargestBatchThroughTheDefaultRingIsCoachedWholeAndAcked() async throws {
        let backend = TestBackend()
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    for seq in 1...3 {
                        let frames = ClientMessages.frames(FrameBatch.maximumFrameCount, from: seq * 1000)
                        try await outbound.write(.binary(ClientMessages.binaryFrames(seq: UInt64(seq), frames)))
                    }
                    var acked: UInt64 = 0
                    while acked < 3 { acked = try #require(try await reader.next("ack")?.seq) }
                }
            }
        }
        let expected = (1...3).flatMap { seq in (0..<FrameBatch.maximumFrameCount).map { Double(seq * 1000 + $0) } }
        #expect(backend.coachFactory.log.all == expected)
    }
}
