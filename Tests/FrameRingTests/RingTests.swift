import Coaching
import FrameRing
import Telemetry
import Testing

@Suite struct RingTests {
    @Test(arguments: [(-5, 2), (0, 2), (1, 2), (2, 2), (3, 4), (5, 8), (64, 64), (65, 128), (1000, 1024)])
    func capacityIsRoundedUpToAPowerOfTwo(requested: Int, expected: Int) {
        #expect(SPSCRing<Int>(capacity: requested).capacity == expected)
    }

    @Test func popsInTheOrderPushed() {
        let ring = SPSCRing<Int>(capacity: 8)
        for value in [3, 1, 4, 1, 5] { #expect(ring.push(value)) }
        #expect(ring.approximateCount == 5)
        var popped: [Int] = []
        while let value = ring.pop() { popped.append(value) }
        #expect(popped == [3, 1, 4, 1, 5])
        #expect(ring.approximateCount == 0)
    }

    @Test func emptyRingPopsNilAndDrainsNothing() {
        let ring = SPSCRing<Int>(capacity: 4)
        #expect(ring.pop() == nil)
        var seen = 0
        #expect(ring.drain { _ in seen += 1 } == 0)
        #expect(seen == 0)
    }

    @Test func fullRingRefusesAndKeepsWhatItHas() {
        let ring = SPSCRing<Int>(capacity: 4)
        for value in 0..<4 { #expect(ring.push(value)) }
        #expect(ring.push(99) == false)
        #expect(ring.approximateCount == 4)
        #expect(ring.pop() == 0)
        #expect(ring.push(4))
        #expect(ring.push(5) == false)
        var rest: [Int] = []
        ring.drain { rest.append($0) }
        #expect(rest == [1, 2, 3, 4])
    }

    @Test func wrapsAroundManyTimesWithoutLosingOrder() {
        let ring = SPSCRing<Int>(capacity: 4)
        var next = 0
        var expected = 0
        // Uneven push/pop amounts so the indices cross the end of the buffer at every offset.
        for round in 0..<200 {
            let pushes = 1 + round % 4
            for _ in 0..<pushes where ring.push(next) { next += 1 }
            let pops = 1 + (round * 7) % 3
            for _ in 0..<pops {
                guard let value = ring.pop() else { break }
                #expect(value == expected)
                expected += 1
            }
        }
        while let value = ring.pop() {
            #expect(value == expected)
            expected += 1
        }
        #expect(expected == next)
        #expect(next > 400)
    }

    @Test func pushContentsOfPushesOnlyThePrefixThatFits() {
        let ring = SPSCRing<Int>(capacity: 8)
        #expect(ring.push(contentsOf: 0..<5) == 5)
        #expect(ring.push(contentsOf: [5, 6, 7, 8, 9]) == 3)
        #expect(ring.push(contentsOf: [10]) == 0)
        #expect(ring.push(contentsOf: [Int]()) == 0)
        var popped: [Int] = []
        ring.drain { popped.append($0) }
        #expect(popped == Array(0..<8))
        // After wrapping, a batch that straddles the end of the buffer stays in order.
        #expect(ring.push(contentsOf: 100..<106) == 6)
        popped = []
        ring.drain { popped.append($0) }
        #expect(popped == Array(100..<106))
    }

    @Test func drainHonoursMaxCount() {
        let ring = SPSCRing<Int>(capacity: 16)
        _ = ring.push(contentsOf: 0..<10)
        var first: [Int] = []
        #expect(ring.drain(maxCount: 4) { first.append($0) } == 4)
        #expect(first == [0, 1, 2, 3])
        #expect(ring.drain(maxCount: 0) { _ in } == 0)
        #expect(ring.drain(maxCount: -3) { _ in } == 0)
        #expect(ring.approximateCount == 6)
        #expect(ring.pop() == 4)
    }

    @Test func drainThatThrowsKeepsTheElementsAfterTheFailingOne() {
        struct Stop: Error {}
        let ring = SPSCRing<Int>(capacity: 8)
        _ = ring.push(contentsOf: 0..<6)
        var seen: [Int] = []
        #expect(throws: Stop.self) {
            try ring.drain { value in
                seen.append(value)
                if value == 2 { throw Stop() }
            }
        }
        #expect(seen == [0, 1, 2])
        #expect(ring.pop() == 3)
        #expect(ring.approximateCount == 2)
    }

    @Test func carriesLiveFramesIntact() throws {
        let ring = SPSCRing<LiveFrame>(capacity: 4)
        let frame = TelemetryFrame(
            sessionTime: 12.5, lapNumber: 3, lapDistance: 401.25, speed: 44, throttle: 0.75, brake: 0, gear: 4)
        #expect(ring.push(LiveFrame(frame: frame, batchSequence: 77)))
        let popped = try #require(ring.pop())
        #expect(popped.frame == frame)
        #expect(popped.batchSequence == 77)
    }
}
