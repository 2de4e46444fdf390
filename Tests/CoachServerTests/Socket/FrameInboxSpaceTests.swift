import Coaching
import Telemetry
import Testing

@testable import CoachServer

/// The connection waits for room in a full inbox without polling: the consumer's drain wakes it,
/// a drain that came first is not missed, and an ended session or a cancelled task never leaves
/// it waiting.
@Suite struct FrameInboxSpaceTests {
    static func frame(_ index: Int) -> LiveFrame {
        LiveFrame(
            frame: TelemetryFrame(sessionTime: Double(index), lapNumber: 1, lapDistance: 1, speed: 1, throttle: 1, brake: 0, gear: 3),
            batchSequence: 1)
    }

    static func fill(_ inbox: FrameInbox) -> Int {
        var pushed = 0
        while inbox.tryPush(frame(pushed)) { pushed += 1 }
        return pushed
    }

    @Test func aWaitingProducerIsWokenByTheConsumersDrain() async throws {
        let inbox = FrameInbox(capacity: 128)
        let capacity = Self.fill(inbox)
        let (started, startedContinuation) = AsyncStream.makeStream(of: Void.self)
        let producer = Task {
            startedContinuation.yield()
            return await inbox.waitForSpace()
        }
        var iterator = started.makeAsyncIterator()
        await iterator.next()
        #expect(inbox.pop() != nil)
        inbox.spaceFreed()
        #expect(await producer.value == true)
        #expect(inbox.tryPush(Self.frame(capacity)))
    }

    @Test func aDrainBeforeTheWaitIsNotMissed() async {
        let inbox = FrameInbox(capacity: 128)
        _ = Self.fill(inbox)
        _ = inbox.pop()
        inbox.spaceFreed()
        #expect(await inbox.waitForSpace() == true)
    }

    @Test func anEndedSessionReleasesTheProducer() async {
        let inbox = FrameInbox(capacity: 128)
        _ = Self.fill(inbox)
        let producer = Task { await inbox.waitForSpace() }
        inbox.close()
        #expect(await producer.value == false)
        #expect(await inbox.waitForSpace() == false)
    }

    @Test func cancellingTheConnectionReleasesTheProducer() async {
        let inbox = FrameInbox(capacity: 128)
        _ = Self.fill(inbox)
        let producer = Task { await inbox.waitForSpace() }
        producer.cancel()
        #expect(await producer.value == false)
    }
}
