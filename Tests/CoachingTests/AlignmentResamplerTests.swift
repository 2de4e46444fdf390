import Coaching
import Telemetry
import Testing

@Suite struct AlignmentResamplerTests {
    static let trackLength = 1000.5
    static let metadata = ReferenceLapMetadata(
        sim: "iracing", track: TrackDescriptor(name: "Test", configuration: "", length: trackLength),
        car: "Car", lapTime: 0, source: "synthesised", date: "2026-01-01")

    /// One lap at 60 m/s (1 m per frame) with frames at 0.25, 1.25, ... m; the line is crossed
    /// 0.25 m before the first frame and 0.75 m after the last.
    struct Lap {
        var frames: [TelemetryFrame]
        let start = 50.0 - 0.25 / 60
        let end = 50.0 + 1000.25 / 60

        init() {
            frames = (0...999).map { (index: Int) -> TelemetryFrame in
                let firstHalf = index < 500
                let time: Double = 50 + Double(index) / 60
                let distance: Float = Float(index) + 0.25
                return TelemetryFrame(
                    sessionTime: time, lapNumber: 3, lapDistance: distance, speed: 60,
                    throttle: firstHalf ? 1 : 0, brake: firstHalf ? 0 : 0.5,
                    steering: Float(index) / 1000, gear: firstHalf ? 3 : 4)
            }
        }

        func resample(_ frames: [TelemetryFrame]? = nil, end: Double?? = .none) throws(AlignmentError) -> ReferenceLap {
            try ReferenceResampler.resample(
                lapFrames: frames ?? self.frames, lapStartTime: start, lapEndTime: end ?? self.end,
                trackLength: AlignmentResamplerTests.trackLength, metadata: AlignmentResamplerTests.metadata)
        }
    }

    @Test func gridHoldsElapsedTimeAtEachMetre() throws {
        let lap = Lap()
        let grid = try lap.resample()
        #expect(grid.count == 1001, "0 ... 1000 m on a 1000.5 m track")
        #expect(grid.gridSpacing == 1)
        #expect(grid.time[0] == 0)
        for metre in [1, 250, 500, 999, 1000] {
            // 60 m/s from the line: elapsed time is distance / 60 everywhere, the ends included.
            #expect(abs(Double(grid.time[metre]) - Double(metre) / 60) < 2e-6)
        }
        #expect(abs(grid.metadata.lapTime - 1000.5 / 60) < 1e-9, "lap time from the two crossings")
        #expect(zip(grid.time, grid.time.dropFirst()).allSatisfy { $0 < $1 })
        #expect(grid.speed.allSatisfy { $0 == 60 })
    }

    @Test func channelsAreInterpolatedAndGearIsHeld() throws {
        let grid = try Lap().resample()
        // Grid point 500 m lies between the frames at 499.25 (gear 3, throttle 1) and 500.25 (gear 4, throttle 0).
        #expect(grid.gear[499] == 3 && grid.gear[500] == 3 && grid.gear[501] == 4)
        #expect(abs(grid.throttle[500] - 0.25) < 1e-6)
        #expect(abs(grid.brake[500] - 0.375) < 1e-6)
        #expect(abs(grid.steering[300] - 0.29975) < 1e-6)
    }

    @Test func backwardAndDuplicateFramesAreDropped() throws {
        let lap = Lap()
        var noisy = lap.frames
        noisy.insert(noisy[400], at: 401)
        var backward = noisy[600]
        backward.lapDistance -= 3
        backward.sessionTime += 0.001
        noisy.insert(backward, at: 601)
        #expect(try lap.resample(noisy) == lap.resample())
    }

    @Test func nanSteeringCountsAsStraight() throws {
        let lap = Lap()
        let frames = lap.frames.map { frame -> TelemetryFrame in
            var frame = frame
            frame.steering = .nan
            return frame
        }
        #expect(try lap.resample(frames).steering.allSatisfy { $0 == 0 })
    }

    @Test func partialLapStopsAtItsLastFrame() throws {
        let lap = Lap()
        let grid = try lap.resample(Array(lap.frames.prefix(300)), end: .some(nil))
        #expect(grid.count == 300, "last frame at 299.25 m: grid 0 ... 299")
        #expect(abs(Double(grid.time[299]) - 299.0 / 60) < 2e-6)
    }

    @Test func tooFewFramesIsAnError() {
        let lap = Lap()
        #expect(throws: AlignmentError.tooFewFrames(usable: 1)) { try lap.resample(Array(lap.frames.prefix(1))) }
        #expect(throws: AlignmentError.tooFewFrames(usable: 0)) { try lap.resample([]) }
    }

    @Test func aHoleOfMoreThanFiftyMetresIsAnError() {
        let lap = Lap()
        var frames = lap.frames
        frames.removeSubrange(300..<360)
        #expect(throws: AlignmentError.coverageGap(from: 299.25, to: 360.25)) { try lap.resample(frames) }
        // A lap whose data starts 100 m after the line cannot say when it passed 0 ... 100 m.
        #expect(throws: AlignmentError.coverageGap(from: 0, to: 100.25)) { try lap.resample(Array(lap.frames.dropFirst(100))) }
        // 45 m missing is still interpolated.
        frames = lap.frames
        frames.removeSubrange(300..<345)
        #expect(throws: Never.self) { try lap.resample(frames) }
    }

    @Test func badLengthsAndTimesAreErrors() {
        let lap = Lap()
        for length in [0, -5, .nan, .infinity, 1e9] {
            let error = #expect(throws: AlignmentError.self) {
                try ReferenceResampler.resample(
                    lapFrames: lap.frames, lapStartTime: lap.start, lapEndTime: lap.end, trackLength: length,
                    metadata: AlignmentResamplerTests.metadata)
            }
            #expect(error?.code == "invalid_track_length")
        }
        #expect(throws: AlignmentError.invalidLapTimes(start: lap.start, end: lap.start - 1)) {
            try lap.resample(end: .some(lap.start - 1))
        }
        #expect(AlignmentError.coverageGap(from: 1, to: 2).code == "coverage_gap")
    }
}
