import NIOCore
import NIOWebSocket
import Testing

@testable import CoachServer

/// The bound on what a slow client can make the server hold: deltas go first, then voice clips;
/// cues, laps, acks and errors are never dropped (the queue overflows instead and the socket is
/// closed); a close goes out after everything queued before it.
@Suite struct OutboundQueueTests {
    static func message(_ kind: OutboundMessage.Kind, _ size: Int, tag: UInt8 = 0) -> OutboundMessage {
        .binary(ByteBuffer(bytes: [UInt8](repeating: tag, count: size)), kind: kind)
    }

    /// Everything the event loop would write, in order, as (kind, first byte).
    static func drain(_ queue: OutboundQueue) -> [(OutboundMessage.Kind, UInt8)] {
        var written: [(OutboundMessage.Kind, UInt8)] = []
        while case .message(let message) = queue.next() {
            written.append((message.kind, message.frame.data.getInteger(at: message.frame.data.readerIndex) ?? 0))
        }
        return written
    }

    @Test func onlyTheFirstMessageAfterEmptyingAsksForAFlush() {
        let queue = OutboundQueue(capacityBytes: 1_000)
        // Each admission also says how many bytes wait with it (a drain's writes go out early past a quarter).
        #expect(queue.enqueue(Self.message(.essential, 10)) == .init(outcome: .queued, needsFlush: true, bytesQueued: 10))
        #expect(queue.enqueue(Self.message(.delta, 10)) == .init(outcome: .queued, needsFlush: false, bytesQueued: 20))
        #expect(Self.drain(queue).count == 2)
        #expect(queue.enqueue(Self.message(.essential, 10)).needsFlush)
    }

    @Test func deltasAreDroppedFirstOldestFirstThenClips() {
        let queue = OutboundQueue(capacityBytes: 100)
        _ = queue.enqueue(Self.message(.delta, 20, tag: 1))
        _ = queue.enqueue(Self.message(.voiceClip, 30, tag: 2))
        _ = queue.enqueue(Self.message(.delta, 20, tag: 3))
        _ = queue.enqueue(Self.message(.essential, 20, tag: 4))
        #expect(queue.queuedBytes == 90)
        // 30 more bytes: the older delta makes room, and no more than that is dropped.
        let cue = queue.enqueue(Self.message(.essential, 30, tag: 5))
        #expect(cue.outcome == .queued && cue.droppedDeltas == 1 && cue.droppedClips == 0)
        // 30 more again: the other delta is not enough, so the clip goes too.
        let lap = queue.enqueue(Self.message(.essential, 30, tag: 6))
        #expect(lap.outcome == .queued && lap.droppedDeltas == 1 && lap.droppedClips == 1)
        #expect(Self.drain(queue).map(\.1) == [4, 5, 6])
    }

    @Test func aClipMakesRoomFromDeltasAndOlderClipsButADeltaOnlyFromDeltas() {
        let queue = OutboundQueue(capacityBytes: 100)
        _ = queue.enqueue(Self.message(.voiceClip, 40, tag: 1))
        _ = queue.enqueue(Self.message(.essential, 40, tag: 2))
        // A delta never pushes out a clip: it is dropped itself.
        #expect(queue.enqueue(Self.message(.delta, 30, tag: 3)) == .init(outcome: .dropped, droppedDeltas: 1))
        // A new clip replaces the older clip.
        #expect(queue.enqueue(Self.message(.voiceClip, 50, tag: 4)) == .init(outcome: .queued, bytesQueued: 90, droppedClips: 1))
        #expect(Self.drain(queue).map(\.1) == [2, 4])
    }

    @Test func anEssentialMessageThatDoesNotFitOverflowsTheQueue() {
        let queue = OutboundQueue(capacityBytes: 100)
        _ = queue.enqueue(Self.message(.essential, 60))
        _ = queue.enqueue(Self.message(.delta, 30))
        let overflow = queue.enqueue(Self.message(.essential, 50))
        #expect(overflow.outcome == .overflow)
        // Given up on: nothing is written or accepted any more.
        #expect(queue.queuedBytes == 0)
        if case .message = queue.next() { Issue.record("an abandoned queue still hands out messages") }
        #expect(queue.enqueue(Self.message(.essential, 1)).outcome == .closed)
    }

    @Test func theLimitIsExactAtItsEdge() {
        let queue = OutboundQueue(capacityBytes: 100)
        #expect(queue.enqueue(Self.message(.essential, 60)).outcome == .queued)
        #expect(queue.enqueue(Self.message(.essential, 40)).outcome == .queued)  // exactly 100
        #expect(queue.enqueue(Self.message(.delta, 1)).outcome == .dropped)  // 101
    }

    @Test func aCloseGoesOutAfterWhatWasQueuedAndNothingIsTakenAfterIt() {
        let queue = OutboundQueue(capacityBytes: 100)
        _ = queue.enqueue(Self.message(.essential, 10, tag: 7))
        #expect(queue.requestClose(.policyViolation, reason: "idle_timeout"))
        #expect(!queue.requestClose(.normalClosure, reason: nil))
        #expect(queue.enqueue(Self.message(.essential, 10)).outcome == .closed)
        guard case .message(let first) = queue.next() else { Issue.record("the queued message is lost"); return }
        #expect(first.frame.data.getInteger(at: first.frame.data.readerIndex) == UInt8(7))
        guard case .close(let code, let reason) = queue.next() else { Issue.record("no close after the queue"); return }
        #expect(code == .policyViolation && reason == "idle_timeout")
        guard case .empty = queue.next() else { Issue.record("the close was handed out twice"); return }
    }
}
