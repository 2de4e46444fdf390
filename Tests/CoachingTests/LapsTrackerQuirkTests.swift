import Coaching
import Telemetry
import Testing

/// The sim's oddities (iracing-data.md §1.5) and broken input.
@Suite struct LapsTrackerQuirkTests {
    let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: 300.25)

    /// Frames of the whole session up to 3.5 laps after the start.
    var frames: [TelemetryFrame] { session.frames(seconds: (3.5 * 1000.5 - 300.25) / 60) }

    func flyingLaps(_ frames: [TelemetryFrame]) -> [LapRecord] {
        var tracker = LapTracker(trackLength: session.trackLength)
        return tracker.ingest(all: frames).compactMap(\.completed).filter { $0.invalidReason != .outLap }
    }

    @Test func midSessionLapZeroRowIsIgnored() throws {
        var frames = frames
        let index = 1500
        var glitch = frames[index]
        glitch.sessionTime = (frames[index - 1].sessionTime + frames[index].sessionTime) / 2
        glitch.lapNumber = 0
        glitch.lapDistance = 0
        glitch.lapDistanceFraction = 0
        glitch.speed = 0
        frames.insert(glitch, at: index)
        let laps = flyingLaps(frames)
        #expect(laps.count == 2)
        #expect(laps.allSatisfy { $0.isValid })
        #expect(abs(try #require(laps.first?.lapTime) - session.lapTime) < 1e-6)
        #expect(!laps.flatMap(\.frames).contains { $0.lapNumber == 0 })
    }

    @Test func timeGoingBackwardsIsDropped() {
        var frames = frames
        var late = frames[1200]
        late.sessionTime -= 3
        frames.insert(late, at: 1300)
        frames.insert(frames[1400], at: 1401)  // a duplicate row
        let laps = flyingLaps(frames)
        #expect(laps.count == 2)
        #expect(laps.allSatisfy { abs(($0.lapTime ?? 0) - session.lapTime) < 1e-6 && $0.isValid })
    }

    @Test func nonFiniteAndNotInWorldRowsAreDropped() {
        var frames = frames
        frames[700].sessionTime = .nan
        frames[701].lapDistance = .infinity
        frames[702].trackSurface = .notInWorld
        #expect(flyingLaps(frames).allSatisfy { $0.isValid })
    }

    @Test func resetToThePitsAbandonsTheLap() throws {
        // Drive into the first flying lap, then reset to the stall at 150 m (lap counter kept), wait
        // two seconds, and drive on from there at the same speed.
        let before = Array(frames.prefix(1000))
        let resetTime = before[before.count - 1].sessionTime + 1 / 60
        let resumed = ConstantSpeedSession(
            trackLength: session.trackLength, speed: 60, startDistance: 150,
            startLap: before[before.count - 1].lapNumber, startTime: resetTime + 2)
        var stall = (0..<120).map { index -> TelemetryFrame in
            var frame = resumed.frame(0)
            frame.sessionTime = resetTime + Double(index) / 60
            frame.speed = 0
            frame.trackSurface = .inPitStall
            // A standing car's distance jitters by centimetres; that is no jump.
            frame.lapDistance = 150 + (index % 2 == 0 ? 0.05 : -0.05)
            return frame
        }
        stall[0].onPitRoad = true
        let after = resumed.frames(seconds: (2.2 * 1000.5 - 150) / 60)

        var tracker = LapTracker(trackLength: session.trackLength)
        let events = tracker.ingest(all: before + stall + after)
        let abandoned = events.compactMap(\.abandoned)
        #expect(abandoned.count == 1)
        #expect(abandoned.first?.invalidReason == .reset)
        #expect(abandoned.first?.isComplete == false && abandoned.first?.lapTime == nil)
        #expect(abandoned.first?.frames.count == 1000 - session.frames(count: 1000).filter { $0.lapNumber == 5 }.count)

        let completed = events.compactMap(\.completed)
        // Out-lap, then the lap restarted in the stall (ends at the line, untimed), then a flying lap.
        #expect(completed.map(\.invalidReason) == [.outLap, .reset, nil])
        #expect(completed[1].lapTime == nil)
        #expect(abs(try #require(completed[2].lapTime) - session.lapTime) < 1e-6)
        #expect(abs(completed[2].startTime - resumed.crossingTime(1)) < 1e-6)
    }

    @Test func forwardTeleportIsAReset() {
        var frames = frames
        for index in 1000..<frames.count { frames[index].lapDistance += frames[index].lapDistance < 400 ? 200 : 0 }
        var tracker = LapTracker(trackLength: session.trackLength)
        let events = tracker.ingest(all: Array(frames.prefix(1300)))
        #expect(events.compactMap(\.abandoned).count >= 1)
    }

    @Test(arguments: [-1, 1])
    func lapCounterOneFrameOffTheDistanceWrapCountsOnce(shift: Int) throws {
        var frames = frames
        // Move every counter change one frame earlier (-1) or later (+1) than the distance wrap.
        let original = frames
        for index in frames.indices {
            let source = min(max(index - shift, 0), original.count - 1)
            frames[index].lapNumber = original[source].lapNumber
        }
        let laps = flyingLaps(frames)
        #expect(laps.count == 2)
        for lap in laps {
            #expect(abs(try #require(lap.lapTime) - session.lapTime) < 1e-6)
            #expect(lap.isValid)
        }
        #expect(laps.map(\.lapNumber) == [6, 7])
    }

    @Test func distanceSlightlyNegativeAfterTheLineStillWraps() {
        var frames = frames
        // iRacing's LapDistPct reads about -0.0002 right after the line; scaled, a few dm below 0.
        for index in frames.indices.dropFirst() where frames[index].lapNumber > frames[index - 1].lapNumber {
            frames[index].lapDistance = -0.2
        }
        let laps = flyingLaps(frames)
        #expect(laps.count == 2)
        // The line is taken to lie at the first frame past it: at most one frame off.
        #expect(laps.allSatisfy { abs(($0.lapTime ?? 0) - session.lapTime) <= 1.0 / 60 })
    }

    @Test func counterWrapWithoutDistanceWrapUsesTheFraction() throws {
        // Distances from a fraction times a wrong (15 % short) length: they never come near the
        // line's end window, but the counter and the fraction still time the lap.
        let scaled = frames.map { frame -> TelemetryFrame in
            var frame = frame
            frame.lapDistance *= 0.85
            return frame
        }
        let laps = flyingLaps(scaled)
        #expect(laps.count == 2)
        for lap in laps {
            #expect(abs(try #require(lap.lapTime) - session.lapTime) < 1e-5)
            // The distances skip the last 15 % of the lap: no use as a reference.
            #expect(lap.invalidReason == .dataGap)
        }
    }

    @Test func aHoleInTheDataInvalidatesTheLap() {
        var frames = frames
        frames.removeSubrange(1500..<1560)  // one second missing, 60 m at 60 m/s
        let laps = flyingLaps(frames)
        #expect(laps.count == 2)
        #expect(laps[0].invalidReason == .dataGap)
        #expect(abs((laps[0].lapTime ?? 0) - session.lapTime) < 1e-6, "still timed at the line")
        #expect(laps[1].isValid)
    }
}
