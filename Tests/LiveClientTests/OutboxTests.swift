import Telemetry
import Testing

@testable import LiveClient

/// The outbox decides what reaches the server and in which session: batching, coalescing,
/// resends after a resume, the bound and what it drops.
@Suite struct OutboxTests {
    let now = ContinuousClock.now

    /// A welcomed outbox with one open segment.
    func welcomed(capacity: Int = 1_000) -> (Outbox, UInt64) {
        var outbox = Outbox(capacity: capacity)
        _ = outbox.begin(Sample.langley)
        let id = outbox.current!.id
        _ = outbox.welcomed(id, session: "s1", resumed: false, nextSequence: 1)
        return (outbox, id)
    }

    func add(_ range: Range<Int>, to outbox: inout Outbox) {
        for index in range { _ = outbox.append(Sample.frame(index), at: now) }
    }

    @Test func aBatchLeavesAtSixFramesOrWhenItsOldestFrameHasWaited() {
        var (outbox, id) = welcomed()
        add(0..<5, to: &outbox)
        #expect(outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 120, interval: .milliseconds(100), now: now) == nil)
        add(5..<6, to: &outbox)
        let full = outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 120, interval: .milliseconds(100), now: now)
        #expect(full?.sequence == 1 && full?.frameCount == 6)
        add(6..<8, to: &outbox)
        #expect(outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 120, interval: .milliseconds(100), now: now + .milliseconds(99)) == nil)
        let late = outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 120, interval: .milliseconds(100), now: now + .milliseconds(100))
        #expect(late?.sequence == 2 && late?.payload.map(\.sessionTime) == [6.0 / 60, 7.0 / 60])
    }

    @Test func aBacklogIsCoalescedIntoBatchesOfTheServersLimit() {
        var (outbox, id) = welcomed()
        add(0..<250, to: &outbox)
        let sizes = (0..<4).compactMap { _ in
            outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 120, interval: .milliseconds(100), now: now)?.frameCount
        }
        #expect(sizes == [120, 120, 10])
    }

    @Test func framesWaitUntilTheSessionIsWelcomed() {
        var outbox = Outbox(capacity: 100)
        _ = outbox.begin(Sample.langley)
        let id = outbox.current!.id
        add(0..<10, to: &outbox)
        #expect(outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 120, interval: .zero, now: now) == nil)
        _ = outbox.welcomed(id, session: "s1", resumed: false, nextSequence: 1)
        #expect(outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 120, interval: .zero, now: now)?.frameCount == 10)
    }

    @Test func aResumeResendsOnlyWhatTheServerDidNotProcessUnderItsOwnSequences() {
        var (outbox, id) = welcomed()
        add(0..<30, to: &outbox)
        for _ in 0..<5 { _ = outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 6, interval: .zero, now: now) }
        #expect(outbox.acknowledge(id, through: 2) == 12)
        // The socket dropped; the server had processed batch 3 too (its ack was lost).
        let resend = outbox.welcomed(id, session: "s1", resumed: true, nextSequence: 4).resend
        #expect(resend.map(\.sequence) == [4, 5])
        #expect(resend.first?.payload.first?.sessionTime == 18.0 / 60)
        #expect(outbox.bufferedFrames == 12)
    }

    /// The server lost the session (a restart): what it never acknowledged may or may not be
    /// stored, so it is not sent again; frames never sent go to the new session from sequence 1.
    @Test func aLostSessionNeverGetsItsUnacknowledgedFramesTwice() {
        var (outbox, id) = welcomed()
        add(0..<18, to: &outbox)
        for _ in 0..<2 { _ = outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 6, interval: .zero, now: now) }
        _ = outbox.acknowledge(id, through: 1)
        let welcome = outbox.welcomed(id, session: "s2", resumed: false, nextSequence: 1)
        #expect(welcome.resend.isEmpty && welcome.unconfirmed == 6)
        #expect(outbox.bufferedFrames == 6)
        let first = outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 120, interval: .zero, now: now)
        #expect(first?.sequence == 1)
        #expect(first?.payload.map(\.sessionTime) == (12..<18).map { Double($0) / 60 }, "the frames never sent")
    }

    @Test func aFullBufferDropsTheOldestFramesAndKeepsTheNewest() {
        var outbox = Outbox(capacity: 100)
        _ = outbox.begin(Sample.langley)
        var dropped = 0
        for index in 0..<250 { dropped += outbox.append(Sample.frame(index), at: now) ?? 0 }
        #expect(dropped == 150)
        #expect(outbox.bufferedFrames == 100)
        #expect(outbox.droppedFrames == 150)
        let id = outbox.current!.id
        _ = outbox.welcomed(id, session: "s1", resumed: false, nextSequence: 1)
        let sent = outbox.nextBatch(of: id, minimumFrames: 1, maximumFrames: 120, interval: .zero, now: now)
        #expect(sent?.payload.map(\.sessionTime) == (150..<250).map { Double($0) / 60 })
    }

    @Test func droppingUnacknowledgedBatchesLeavesNoSequenceGapOnResume() {
        var (outbox, id) = welcomed(capacity: 24)
        add(0..<24, to: &outbox)
        for _ in 0..<4 { _ = outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 6, interval: .zero, now: now) }
        // The server went away after processing batch 1; 12 more frames push batches 1 and 2 out.
        add(24..<36, to: &outbox)
        #expect(outbox.droppedFrames == 12)
        let resend = outbox.welcomed(id, session: "s1", resumed: true, nextSequence: 2).resend
        #expect(resend.map(\.sequence) == [2, 3], "batches 3 and 4 renumbered after the server's next_seq")
        #expect(resend.first?.payload.first?.sessionTime == 12.0 / 60)
        let next = outbox.nextBatch(of: id, minimumFrames: 6, maximumFrames: 120, interval: .zero, now: now)
        #expect(next?.sequence == 4)
    }

    @Test func framesOfAnOldSessionStayInItAcrossASessionChange() {
        var (outbox, first) = welcomed()
        add(0..<6, to: &outbox)
        let other = SessionDescriptor(sim: "iracing", track: Sample.langley.track, car: "Street Stock", sessionType: "practice")
        let began = outbox.begin(other), again = outbox.begin(other)
        #expect(began)
        #expect(!again, "the same session announced again is no change")
        add(6..<12, to: &outbox)
        #expect(!outbox.isDelivered(first))
        let batch = outbox.nextBatch(of: first, minimumFrames: 6, maximumFrames: 120, interval: .zero, now: now)
        #expect(batch?.payload.count == 6 && batch?.payload.last?.sessionTime == 5.0 / 60)
        _ = outbox.acknowledge(first, through: 1)
        #expect(outbox.isDelivered(first))
        outbox.finish(first)
        #expect(outbox.current?.session == other)
        #expect(outbox.current?.pending.count == 6)
    }

    @Test func aSessionAnnouncedButNeverFedIsForgotten() {
        var outbox = Outbox(capacity: 100)
        _ = outbox.begin(Sample.langley)
        let other = SessionDescriptor(sim: "iracing", track: Sample.langley.track, car: "Street Stock", sessionType: "race")
        _ = outbox.begin(other)
        #expect(outbox.segments.map(\.session) == [other])
    }
}
