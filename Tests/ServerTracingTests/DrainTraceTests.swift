@testable import CoachServer
import InMemoryTracing
import Testing

/// A batch whose frames are split over two drains of the ring: its span goes on across them
/// and ends once, after the drain that met its last frames (or, when the first drain had
/// already taken them all, after the next one).
struct DrainTraceTests {
    let tracer = InMemoryTracer()
    var tracing: LiveTracing { LiveTracing(tracer: tracer, sampleRatio: 1) }

    func ended(_ name: String) -> Int { tracer.finishedSpans.filter { $0.operationName == name }.count }

    @Test func aBatchStillBeingPushedGoesOnInTheNextDrain() {
        let pending = LiveBatchSpans(capacity: 8)
        pending.add(tracing.startBatch(session: "s"), sequence: 1)
        // Drain 1 meets batch 1's first frame; batch 1 is not published yet (published 0).
        var first = DrainTrace(tracing: tracing, pending: pending)
        first.frame(batch: 1)
        first.coachingDone(published: 0)
        first.endAll(processed: 0)
        #expect(ended("live.batch") == 0 && ended("live.coach") == 1)
        // Drain 2 meets its last frames: a second coaching span, then the batch ends.
        var second = DrainTrace(tracing: tracing, pending: pending)
        second.frame(batch: 1)
        second.events(upTo: 1)
        let cue = second.startCue(event: 0)
        cue?.end()
        second.coachingDone(published: 1)
        second.endAll(processed: 1)
        #expect(ended("live.batch") == 1 && ended("live.coach") == 2 && ended("live.cue") == 1)
        let batch = tracer.finishedSpans.first { $0.operationName == "live.batch" }
        #expect(tracer.finishedSpans.filter { $0.operationName != "live.batch" }.allSatisfy { $0.parentSpanID == batch?.spanID })
    }

    @Test func aBatchWhoseFramesWereAllTakenEndsAfterTheNextDrain() {
        let pending = LiveBatchSpans(capacity: 8)
        pending.add(tracing.startBatch(session: "s"), sequence: 1)
        var first = DrainTrace(tracing: tracing, pending: pending)
        first.frame(batch: 1)
        first.coachingDone(published: 0)
        first.endAll(processed: 0)
        // Published meanwhile; the next drain has no frame of it.
        var second = DrainTrace(tracing: tracing, pending: pending)
        second.coachingDone(published: 1)
        second.endAll(processed: 1)
        #expect(ended("live.batch") == 1 && ended("live.coach") == 1)
    }

    @Test func pastItsCapacityASpanEndsAtOnceAndTheSessionsEndEndsTheRest() {
        let pending = LiveBatchSpans(capacity: 1)
        pending.add(tracing.startBatch(session: "s"), sequence: 1)
        pending.add(tracing.startBatch(session: "s"), sequence: 2)
        #expect(ended("live.batch") == 1)
        pending.endAll()
        #expect(ended("live.batch") == 2 && pending.take(1) == nil)
    }
}
