import Coaching
import ServerSettings
import Telemetry
import Testing

@testable import CoachServer

/// The frame ring is sized from the protocol's batch limit, not a fixed constant: the default
/// holds exactly one largest batch, a smaller one is refused, and a full ring makes the
/// connection wait for a drain rather than lose frames.
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

    @Test func theDefaultRingTakesOneWholeBatchAndTheNextWaitsForADrain() async throws {
        let inbox = FrameInbox(capacity: ServerConfiguration.Live.smallestRingCapacity)
        let batch = FrameBatch.maximumFrameCount
        for index in 0..<batch { #expect(inbox.tryPush(FrameInboxSpaceTests.frame(index))) }
        inbox.publish(1)
        // The second largest batch fits only partly: the connection waits for the drain, then goes on.
        var pushed = 0
        while pushed < batch, inbox.tryPush(FrameInboxSpaceTests.frame(batch + pushed)) { pushed += 1 }
        #expect(pushed == ServerConfiguration.Live.smallestRingCapacity - batch)
        let producer = Task { [pushed] in
            var next = pushed
            while next < batch {
                if inbox.tryPush(FrameInboxSpaceTests.frame(batch + next)) {
                    next += 1
                } else if await inbox.waitForSpace() == false {
                    break
                }
            }
            return next
        }
        // The consumer drains the first batch and frees its slots: the rest of the second fits.
        var seen: [Double] = []
        for _ in 0..<batch { seen.append(try #require(inbox.pop()).frame.sessionTime) }
        inbox.spaceFreed()
        #expect(await producer.value == batch)
        while let frame = inbox.pop() { seen.append(frame.frame.sessionTime) }
        #expect(seen == (0..<(2 * batch)).map(Double.init))
    }
}
