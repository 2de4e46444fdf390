import Coaching
import Telemetry
import Testing

@Suite struct LapsTrackerTests {
    // Lengths are binary fractions so that the generated Float distances are exact (see
    // ConstantSpeedSession); real Float distances near 5.8 km carry about 2e-4 m, i.e. 4 µs.
    @Test(arguments: [(1000.5, 60.0, 300.25), (777.25, 30.0, 120.0), (5793.75, 60.0, 201.0)])
    func lapTimesAreInterpolatedAtTheLine(trackLength: Double, speed: Double, startDistance: Double) throws {
        let session = ConstantSpeedSession(trackLength: trackLength, speed: speed, startDistance: startDistance)
        var tracker = LapTracker(trackLength: trackLength)
        let frames = session.frames(seconds: (3.5 * trackLength - startDistance) / speed)
        let events = tracker.ingest(all: frames)
        let completed = events.compactMap(\.completed)

        #expect(completed.count == 3)
        // The out-lap ends at the line but has no lap time: it did not start there.
        #expect(completed[0].isComplete && completed[0].lapTime == nil && completed[0].invalidReason == .outLap)
        #expect(abs((completed[0].endTime ?? 0) - session.crossingTime(1)) < 1e-6)
        for (offset, lap) in completed.dropFirst().enumerated() {
            let lapTime = try #require(lap.lapTime)
            #expect(abs(lapTime - session.lapTime) < 1e-6)
            #expect(abs(lap.startTime - session.crossingTime(offset + 1)) < 1e-6)
            #expect(lap.isValid)
            #expect(lap.lapNumber == session.startLap + Int32(offset + 1))
        }
        // Every accepted frame sits in exactly one lap, in order.
        let finished = tracker.finish()
        let partial = try #require(finished)
        #expect(completed.map(\.frames.count).reduce(0, +) + partial.frames.count == frames.count)
        #expect(partial.invalidReason == .partial && !partial.isComplete && partial.lapTime == nil)
    }

    @Test func eventsComeInOrderAndLapsStartAtTheLine() {
        let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: 300.25)
        var tracker = LapTracker(trackLength: session.trackLength)
        let events = tracker.ingest(all: session.frames(seconds: 20))
        #expect(events.count == 3)
        #expect(events[0].started?.lapNumber == 5)
        #expect(events[0].started?.startTime == session.startTime)
        #expect(events[1].completed?.lapNumber == 5)
        #expect(events[2].started?.lapNumber == 6)
        #expect(abs((events[2].started?.startTime ?? 0) - session.crossingTime(1)) < 1e-6)
        #expect(tracker.currentLapNumber == 6)
    }

    @Test func elapsedLapTimeOnlyForLapsStartedAtTheLine() {
        let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: 300.25)
        var tracker = LapTracker(trackLength: session.trackLength)
        #expect(tracker.currentLapNumber == nil)
        _ = tracker.ingest(all: session.frames(seconds: 5))
        #expect(tracker.elapsedLapTime(at: 104) == nil, "out-lap")
        _ = tracker.ingest(all: Array(session.frames(seconds: 15).dropFirst(300)))
        let now = session.crossingTime(1) + 2.5
        #expect(abs((tracker.elapsedLapTime(at: now) ?? -1) - 2.5) < 1e-6)
        #expect(tracker.elapsedLapTime(at: session.crossingTime(1) - 1) == nil)
    }

    @Test func pitRoadAndOffTrackInvalidateOnlyTheirLap() {
        let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: 300.25)
        var frames = session.frames(seconds: (4.5 * 1000.5 - 300.25) / 60)
        // Lap 6 (the first flying lap): a few frames on pit road; lap 7: a frame off track.
        for index in frames.indices where frames[index].lapNumber == 6 && frames[index].lapDistance > 900 {
            frames[index].onPitRoad = true
        }
        for index in frames.indices where frames[index].lapNumber == 7 && frames[index].lapDistance == 400.25 {
            frames[index].trackSurface = .offTrack
        }
        var tracker = LapTracker(trackLength: session.trackLength)
        let byNumber = Dictionary(
            tracker.ingest(all: frames).compactMap(\.completed).map { ($0.lapNumber, $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byNumber[6]?.invalidReason == .pitRoad)
        #expect(byNumber[7]?.invalidReason == .offTrack)
        #expect(byNumber[8]?.isValid == true)
        #expect(byNumber[6]?.lapTime != nil, "an invalid lap is still timed")
    }

    @Test func pitStallCountsAsPitRoad() {
        let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: 300.25)
        var frames = session.frames(seconds: 40)
        frames[1500].trackSurface = .inPitStall
        var tracker = LapTracker(trackLength: session.trackLength)
        let laps = tracker.ingest(all: frames).compactMap(\.completed)
        #expect(laps.first { $0.lapNumber == frames[1500].lapNumber }?.invalidReason == .pitRoad)
    }

    @Test func finishBeforeAnyFrameReturnsNil() {
        var tracker = LapTracker(trackLength: 1000)
        #expect(tracker.finish() == nil)
    }
}
