import Coaching
import Telemetry
import Testing

/// The session's first lap: timed from the line when the stream starts there (within what one
/// frame can travel), an out-lap otherwise (`LapTracker+FirstLap`).
@Suite struct LapsFirstLapTests {
    /// 60 m/s at 60 Hz: a frame travels 1 m; at the line means within 2 × 1 m (`stepSpeedFactor`).
    @Test(arguments: [0.0, 0.5, 1.75])
    func aStreamStartingAtTheLineTimesItsFirstLap(startDistance: Double) throws {
        let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: startDistance)
        var tracker = LapTracker(trackLength: session.trackLength)
        let completed = tracker.ingest(all: session.frames(seconds: 2.5 * session.lapTime)).compactMap(\.completed)

        #expect(completed.count == 2)
        let first = try #require(completed.first)
        #expect(first.isValid && first.invalidReason == nil && first.lapNumber == session.startLap)
        // The crossing is extrapolated back from the first frame at its speed: exact here.
        #expect(abs(first.startTime - (session.startTime - startDistance / session.speed)) < 1e-6)
        #expect(abs(try #require(first.lapTime) - session.lapTime) < 1e-6)
        #expect(abs(try #require(completed[1].lapTime) - session.lapTime) < 1e-6)
        #expect(tracker.elapsedLapTime(at: session.crossingTime(2) + 1) != nil)
    }

    /// Further past the line than one frame's travel: the car was already driving, an out-lap.
    @Test(arguments: [2.25, 4.75, 20.0, 300.25])
    func aStreamStartingPastTheLineBeginsWithAnOutLap(startDistance: Double) throws {
        let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: startDistance)
        var tracker = LapTracker(trackLength: session.trackLength)
        let completed = tracker.ingest(all: session.frames(seconds: 2.5 * session.lapTime)).compactMap(\.completed)
        let first = try #require(completed.first)
        #expect(first.invalidReason == .outLap && first.lapTime == nil)
        #expect(completed.dropFirst().allSatisfy { $0.isValid && $0.lapTime != nil })
    }

    /// A first frame near the line followed by a jump is not a start at the line.
    @Test func aJumpAfterTheFirstFrameIsNotAStartAtTheLine() throws {
        let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: 0.5)
        var frames = session.frames(seconds: 2.5 * session.lapTime)
        frames[0].lapDistance = 0.5
        for index in frames.indices.dropFirst() { frames[index].lapDistance = min(1000, frames[index].lapDistance + 200) }
        var tracker = LapTracker(trackLength: session.trackLength)
        let completed = tracker.ingest(all: frames).compactMap(\.completed)
        #expect(completed.first?.lapTime == nil)
    }

    /// One frame and the end: nothing is lost, it is a partial out-lap of its own.
    @Test func aSessionOfOneFrameEndsAsAPartialLap() throws {
        let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: 0.5)
        var tracker = LapTracker(trackLength: session.trackLength)
        #expect(tracker.ingest(session.frame(0)).isEmpty, "the first frame waits for the second")
        let finished = tracker.finish()
        let partial = try #require(finished)
        #expect(partial.frames.count == 1 && partial.lapTime == nil)
        let again = tracker.finish()
        #expect(again == nil)
    }
}
