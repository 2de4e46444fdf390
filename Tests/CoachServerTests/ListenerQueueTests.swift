import NIOCore
import Testing

@testable import CoachServer

/// The bounded queue in front of each listener: deltas go first, then clips; a listener that
/// is still over its bounds, or whose oldest message waits too long, is closed as too slow.
@Suite struct ListenerQueueTests {
    static func message(_ kind: ListenerQueue.Kind, _ text: String, bytes: Int? = nil) -> ListenerQueue.Message {
        let body = bytes.map { String(repeating: "x", count: $0) } ?? text
        return ListenerQueue.Message(kind: kind, isText: kind != .clip, bytes: ByteBuffer(string: kind == .clip ? body : text))
    }

    static func drain(_ queue: ListenerQueue) async -> [String] {
        var texts: [String] = []
        while queue.waitingCount > 0, case .send(let message) = await queue.next() { texts.append(String(buffer: message.bytes)) }
        return texts
    }

    static let roomy = ListenerQueue.Limits(messages: 8, bytes: 1 << 20, maximumLag: .seconds(60))

    @Test func onlyTheNewestDeltaWaitsInItsPlace() async {
        let queue = ListenerQueue(limits: Self.roomy)
        queue.push(Self.message(.delta, "d1"))
        queue.push(Self.message(.other, "cue"))
        let outcome = queue.push(Self.message(.delta, "d2"))
        #expect(outcome.droppedDeltas == 1)
        #expect(await Self.drain(queue) == ["d2", "cue"])
    }

    @Test func overTheCountDeltasGoFirstThenTheOldestClipsThenTheListener() async {
        let queue = ListenerQueue(limits: .init(messages: 4, bytes: 1 << 20, maximumLag: .seconds(60)))
        queue.push(Self.message(.delta, "d"))
        queue.push(Self.message(.clip, "clip1"))
        queue.push(Self.message(.clip, "clip2"))
        queue.push(Self.message(.other, "cue1"))
        // Full (4). A fifth message pushes the delta out, a sixth the oldest clip.
        #expect(queue.push(Self.message(.other, "cue2")) == .init(droppedDeltas: 1))
        #expect(queue.push(Self.message(.other, "cue3")) == .init(droppedClips: 1))
        #expect(queue.waitingCount == 4)
        #expect(queue.push(Self.message(.other, "cue4")) == .init(droppedClips: 1))
        // Only cues left: the next one cannot fit, and the listener is behind.
        #expect(queue.push(Self.message(.other, "cue5")).closed)
        #expect(queue.waitingCount == 0, "a closed queue drops what waited")
        guard case .close(.tooSlow) = await queue.next() else {
            Issue.record("a listener that stayed behind must be closed as too slow")
            return
        }
        #expect(queue.push(Self.message(.other, "late")) == .init(), "nothing is queued after the close")
    }

    @Test func overTheByteBoundClipsGoOldestFirst() async {
        let queue = ListenerQueue(limits: .init(messages: 100, bytes: 10_000, maximumLag: .seconds(60)))
        queue.push(Self.message(.clip, "a", bytes: 4_000))
        queue.push(Self.message(.clip, "b", bytes: 4_000))
        queue.push(Self.message(.other, "cue"))
        let outcome = queue.push(Self.message(.clip, "c", bytes: 4_000))
        #expect(outcome == .init(droppedClips: 1))
        let left = await Self.drain(queue)
        #expect(left.map(\.count) == [4_000, 3, 4_000])
    }

    @Test func aMessageWaitingLongerThanTheLagClosesTheListener() {
        let queue = ListenerQueue(limits: .init(messages: 100, bytes: 1 << 20, maximumLag: .seconds(2)))
        let start = ContinuousClock.now
        queue.push(Self.message(.other, "cue1"), now: start)
        #expect(!queue.push(Self.message(.other, "cue2"), now: start + .seconds(2)).closed, "exactly the lag is still fine")
        #expect(queue.push(Self.message(.delta, "d"), now: start + .milliseconds(2_001)).closed)
    }

    @Test func aWaitingReaderIsWokenByAPushAndByTheClose() async {
        let queue = ListenerQueue(limits: Self.roomy)
        async let first = queue.next()
        try? await Task.sleep(for: .milliseconds(50))
        queue.push(Self.message(.other, "cue"))
        guard case .send(let message) = await first else {
            Issue.record("the reader must get the pushed message")
            return
        }
        #expect(String(buffer: message.bytes) == "cue")
        async let second = queue.next()
        try? await Task.sleep(for: .milliseconds(50))
        queue.close(.ended)
        guard case .close(.ended) = await second else {
            Issue.record("the reader must hear the close")
            return
        }
        #expect(await queue.closed() == .ended)
    }

    @Test func cancellingTheReaderClosesTheQueue() async {
        let queue = ListenerQueue(limits: Self.roomy)
        let reader = Task { await queue.next() }
        try? await Task.sleep(for: .milliseconds(50))
        reader.cancel()
        guard case .close(.ended) = await reader.value else {
            Issue.record("a cancelled reader must return")
            return
        }
        #expect(queue.push(Self.message(.other, "cue")) == .init())
    }
}
