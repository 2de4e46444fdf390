import Coaching
import ServerSettings
import Telemetry
import Testing

@testable import CoachServer

/// The frame ring is sized from the protocol's batch limit, not a fixed constant: the default
/// holds exactly one largest batch (the connection drains after each), a smaller one is
/// refused, and a full ring loses no frame.
@Suite struct FrameRingSizeTests {
    @Test func theDefaultRingIsTheSmallestPowerOfTwoThatHoldsTheLargestBatch() throws {
        let capacity = try ServerConfiguration.load(file: [:], environment: [:]).live.ringCapacity
        #expect(capacity == 128)
        #expect(capacity >= FrameBatch.maximumFrameCount)
        #expect(capacity / 2 < FrameBatch.maximumFrameCount)
        #expect(capacity.nonzeroBitCount == 1)
    }

    @Test func ringsBelowOneBatchAreRefusedAndTheEdgeIsAccepted() throws {
        #expect(throws: ConfigurationError.invalidValue(key: "live.ring_capacity", reason: "must be in 128...1048576")) {
            try ServerConfiguration.load(file: ["live": ["ring_capacity": .integer(64)]], environment: [:])
        }
        let edge = try ServerConfiguration.load(file: ["live": ["ring_capacity": .integer(128)]], environment: [:])
        #expect(edge.live.ringCapacity == 128)
        let larger = try ServerConfiguration.load(file: [:], environment: ["TRAILBRAKE_LIVE_RING_CAPACITY": "256"])
        #expect(larger.live.ringCapacity == 256)
    }

    static func frame(_ index: Int, batch: UInt64 = 1) -> LiveFrame {
        LiveFrame(
            frame: TelemetryFrame(sessionTime: Double(index), lapNumber: 1, lapDistance: 1, speed: 1, throttle: 1, brake: 0, gear: 3),
            batchSequence: batch)
    }

    /// The connection drains its session after every batch, so the ring only ever has to hold
    /// one: the largest fits whole, and a second only once the first is drained.
    @Test func theDefaultRingTakesOneWholeBatchAndTheNextOnlyAfterADrain() throws {
        let inbox = FrameInbox(capacity: ServerConfiguration.Live.smallestRingCapacity)
        let batch = FrameBatch.maximumFrameCount
        for index in 0..<batch { #expect(inbox.tryPush(Self.frame(index))) }
        inbox.publish(1)
        var pushed = 0
        while pushed < batch, inbox.tryPush(Self.frame(batch + pushed, batch: 2)) { pushed += 1 }
        #expect(pushed == ServerConfiguration.Live.smallestRingCapacity - batch)
        // The drain takes the first batch: the rest of the second fits, in order.
        var seen: [Double] = []
        for _ in 0..<batch { seen.append(try #require(inbox.pop()).frame.sessionTime) }
        for index in pushed..<batch { #expect(inbox.tryPush(Self.frame(batch + index, batch: 2))) }
        while let frame = inbox.pop() { seen.append(frame.frame.sessionTime) }
        #expect(seen == (0..<(2 * batch)).map(Double.init))
    }
}
