import Testing
import Telemetry
@testable import Coaching
@testable import LapSynthesis

/// A 100 m lap built by hand: time 0.1 s per metre, the given gears, brake 0.5 at every point.
private func smallLap(lapTime: Double = 10, gear: (Int) -> Int8 = { _ in 3 }, speedOffset: Float = 0) -> ReferenceLap {
    let n = 100
    let meta = ReferenceLapMetadata(
        sim: "test", track: TrackDescriptor(name: "small", configuration: "", length: Double(n)), car: "c",
        lapTime: lapTime, source: "hand", date: "2026-01-01")
    return ReferenceLap(
        metadata: meta, time: (0..<n).map { Float($0) / 10 }, speed: (0..<n).map { Float($0) + speedOffset },
        throttle: Array(repeating: 1, count: n), brake: Array(repeating: 0.5, count: n),
        steering: Array(repeating: 0, count: n), gear: (0..<n).map(gear))
}

@Suite struct LapWindowTests {
    @Test func readsAcrossTheLineFromThePreviousLapOrByWrapping() {
        let lap = smallLap(speedOffset: 0), previous = smallLap(lapTime: 12, speedOffset: 1000)
        let live = LapWindow(lap, previous: previous)
        // Inside the lap: the lap itself.
        #expect(live.speed(0) == 0 && live.speed(99) == 99)
        // Before the line: the previous lap, on a clock that ends at 0 at the line.
        #expect(live.speed(-1) == 1099)
        #expect(abs(live.time(-1) - (9.9 - 12)) < 1e-5)
        // Past the end: wraps onto the same lap, one lap time later.
        #expect(live.speed(100) == 0 && abs(live.time(101) - (0.1 + 10)) < 1e-5)
        // Without a previous lap, before the line wraps onto the same lap, one lap time earlier.
        let closed = LapWindow(lap)
        #expect(closed.speed(-1) == 99 && abs(closed.time(-1) - (9.9 - 10)) < 1e-5)
        // A previous lap of another length is not used.
        let mismatched = LapWindow(lap, previous: ReferenceLap(
            metadata: previous.metadata, time: [0], speed: [7], throttle: [0], brake: [0], steering: [0], gear: [1]))
        #expect(mismatched.speed(-1) == 99)
    }
}

@Suite struct CornerAnalyzerReadingTests {
    @Test func apexGearIsTheGearHeldLongestAndTiesGoLow() {
        // Around apex 50 (35...65): gear 4 on 35...45 (11 m), 2 on 46...56 (11 m), 3 on 57...65 (9 m).
        let tie = LapWindow(smallLap(gear: { $0 <= 45 ? 4 : $0 <= 56 ? 2 : 3 }))
        #expect(CornerAnalyzer.apexGear(tie, around: 50) == 2)
        // Gear 5 up to 52, then 3: the gear held longest within 15 m of the apex wins.
        let longest = LapWindow(smallLap(gear: { $0 <= 52 ? 5 : 3 }))
        #expect(CornerAnalyzer.apexGear(longest, around: 60) == 3)
        #expect(CornerAnalyzer.apexGear(longest, around: 45) == 5)
    }

    @Test func slowestPointIsTheFirstLowestSmoothedSpeed() {
        // Speed rises with distance except a flat 20 m/s valley from 40 to 49.
        let n = 100
        var lap = smallLap()
        lap.speed = (0..<n).map { (40...49).contains($0) ? 20 : Float(30 + abs($0 - 45)) }
        let window = LapWindow(lap)
        // Smoothing over ±3 m: 43...46 see only the valley floor; the first of them wins.
        #expect(CornerAnalyzer.slowestPoint(window, from: 10, to: 90) == 43)
        #expect(CornerAnalyzer.highestBrake(window, from: 10, to: 10) == 0.5)
    }
}

@Suite struct ApproachPlanningTests {
    /// Corner 3 braked 20 m early on laps 1 and 2 makes a habit at the end of lap 2.
    @Test func approachCuesAreReplannedWhenHabitsChange() throws {
        let track = SyntheticTrack.testCircuit
        let mistakes = (1...2).map { InjectedMistake.brakeEarly(corner: 3, lap: $0, metres: 20) }
        let session = LapSynthesizer.frames(track: track, car: .gt4, laps: 3, mistakes: mistakes)
        let map = TrackSegmenter.trackMap(for: session.reference, track: track.descriptor)
        var coach = CornerCoach(reference: session.reference, trackMap: map, language: .english)
        #expect(coach.approaches.isEmpty)
        var currentLap: Int32 = 0
        var plannedAfterLap: [Int: [ApproachCue]] = [:]
        for frame in session.frames {
            if frame.lapNumber != currentLap {
                if currentLap != 0 {
                    _ = coach.lapFinished(isValid: true)
                    plannedAfterLap[Int(currentLap)] = coach.approaches
                }
                coach.lapStarted(lapNumber: frame.lapNumber)
                currentLap = frame.lapNumber
            }
            var cues: [Cue] = []
            let elapsed = frame.sessionTime - session.lineCrossingTimes[Int(frame.lapNumber) - 1]
            coach.observe(frame, elapsedLapTime: elapsed, batchSequence: 0, into: &cues)
        }
        // One bad lap is not a habit; two are, and the cue is planned with its words and window.
        #expect(plannedAfterLap[1]?.isEmpty == true)
        let planned = try #require(plannedAfterLap[2]?.first)
        #expect(plannedAfterLap[2]?.count == 1)
        #expect(planned.corner == 3 && planned.advice.topic == .brakePoint)
        #expect(planned.text == "Turn 3: brake 20 metres later")
        // The window is the lead margin (the trigger is that far before the latest start).
        #expect(abs(planned.window - CueConfiguration().leadMargin) < 1e-9)
        // An aborted lap records no habits: the plan stays.
        coach.lapAborted()
        #expect(coach.approaches.map(\.text) == [planned.text])
    }

    @Test func cornersSharingANumberShareAFlag() throws {
        let track = SyntheticTrack.testCircuit
        let reference = LapSynthesizer.referenceLap(track: track, car: .gt4)
        var map = TrackSegmenter.trackMap(for: reference, track: track.descriptor)
        try #require(map.corners.count >= 3)
        map.corners[2].number = map.corners[0].number
        let plans = CornerPlan.plans(reference: reference, trackMap: map, configuration: .init())
        let slots = CornerFlags.slots(of: plans)
        #expect(slots[0] == 0 && slots[1] == 1 && slots[2] == 0)
        var flags = CornerFlags(count: plans.count)
        flags.insert(slots[2])
        #expect(flags.contains(slots[0]) && !flags.contains(slots[1]))
        flags.setAll(true)
        flags.remove(slots[1])
        #expect(flags.contains(0) && !flags.contains(1) && flags.contains(2))
    }
}
