import Testing
import Telemetry
@testable import Coaching
@testable import LapSynthesis

/// A cue as the test driver saw it, with where and how it was said.
struct HeardCue {
    var cue: Cue
    var lap: Int
    var distance: Double
    var brake: Float
}

/// Plays a synthetic session through a `CornerCoach` the way the facade will: lap boundaries
/// from the frames' lap numbers, elapsed time from the recorded line crossings.
struct CoachRun {
    var heard: [HeardCue] = []
    var laps: [(corners: [CornerMetrics], brakingZones: [BrakingZone])] = []

    init(_ session: SyntheticSession, track: SyntheticTrack, language: CueLanguage = .english, configuration: CueConfiguration = .init(),
         abortAt: (lap: Int, distance: Float)? = nil) {
        let map = TrackSegmenter.trackMap(for: session.reference, track: track.descriptor)
        var coach = CornerCoach(reference: session.reference, trackMap: map, language: language, configuration: configuration)
        var currentLap: Int32 = 0
        var aborted = false
        for (index, frame) in session.frames.enumerated() {
            if frame.lapNumber != currentLap {
                if currentLap != 0 { laps.append(coach.lapFinished(isValid: !aborted)) }
                coach.lapStarted(lapNumber: frame.lapNumber)
                currentLap = frame.lapNumber
                aborted = false
            }
            if let abortAt, !aborted, Int(frame.lapNumber) == abortAt.lap, frame.lapDistance >= abortAt.distance {
                coach.lapAborted()
                aborted = true
                continue
            }
            if aborted { continue }
            var cues: [Cue] = []
            let elapsed = frame.sessionTime - session.lineCrossingTimes[Int(frame.lapNumber) - 1]
            coach.observe(frame, elapsedLapTime: elapsed, batchSequence: UInt64(index / 6), into: &cues)
            for cue in cues {
                #expect(cue.batchSequence == UInt64(index / 6))
                heard.append(HeardCue(cue: cue, lap: Int(frame.lapNumber), distance: Double(frame.lapDistance), brake: frame.brake))
            }
        }
        laps.append(coach.lapFinished(isValid: !aborted))
    }

    func feedback(lap: Int) -> [Cue] { heard.filter { $0.lap == lap && $0.cue.kind == .feedback }.map(\.cue) }
    var anticipatory: [HeardCue] { heard.filter { $0.cue.kind == .anticipatory } }
}

struct CoachCase: CustomTestStringConvertible, Sendable {
    var track: SyntheticTrack
    var car: CarProfile
    var testDescription: String { "\(track.name) / \(car.name)" }

    /// Corners whose braking starts after the line (mistakes are injected on one lap's grid).
    var injectable: [SyntheticCorner] {
        LapSynthesizer.corners(track: track, car: car).filter { ($0.brakeOnset ?? 0) < $0.apex }
    }
}

let coachCases = [
    CoachCase(track: .testCircuit, car: .gt4), CoachCase(track: .testCircuit, car: .formula),
    CoachCase(track: .clubCircuit, car: .gt4), CoachCase(track: .clubCircuit, car: .roadCar),
]

@Suite struct CornerCoachTests {
    @Test(arguments: coachCases)
    func cleanLapsInventNothing(testCase: CoachCase) {
        for noise in [nil, SyntheticNoise(seed: 11), SyntheticNoise(seed: 12, pedal: 0.025, speed: 0.2)] {
            let session = LapSynthesizer.frames(track: testCase.track, car: testCase.car, laps: 4, noise: noise)
            let run = CoachRun(session, track: testCase.track)
            #expect(run.heard.isEmpty, "\(run.heard.map(\.cue.text))")
            #expect(run.laps.count == 4)
            // Every corner is measured on laps 2-4 (lap 1 lacks the previous lap for corners over the line).
            for lap in run.laps.dropFirst() { #expect(lap.corners.count == session.corners.count) }
        }
    }

    @Test(arguments: coachCases)
    func feedbackFindsEachInjectedMistake(testCase: CoachCase) throws {
        // Slowest corners first: throttle pick-up is a slow-corner skill (on a 170 km/h kink the
        // pedal is rarely the limit).
        let corners = testCase.injectable.sorted { $0.apexSpeed < $1.apexSpeed }
        try #require(corners.count >= 3)
        // A fourth mistake goes on the first corner on the next lap when the layout has only three.
        let (a, b, c) = (corners[0].number, corners[1].number, corners[2].number)
        let d = corners.count > 3 ? corners[3].number : a
        let mistakes: [InjectedMistake] = [
            .brakeEarly(corner: a, lap: 2, metres: 20), .slowApex(corner: b, lap: 2, kmh: 8),
            .lateThrottle(corner: c, lap: 3, metres: 30), .brakeLate(corner: d, lap: 3, metres: 15),
        ]
        let session = LapSynthesizer.frames(track: testCase.track, car: testCase.car, laps: 4, mistakes: mistakes, noise: .init(seed: 3))
        let run = CoachRun(session, track: testCase.track)
        func cue(lap: Int, corner: Int) -> Cue? { run.feedback(lap: lap).first { $0.corner == corner } }

        let early = try #require(cue(lap: 2, corner: a))
        #expect(early.topic == .brakePoint)
        #expect(abs((early.numbers.brakePointDelta ?? 0) + 20) <= 5)
        let slow = try #require(cue(lap: 2, corner: b))
        #expect(slow.topic == .minimumSpeed)
        #expect(abs((slow.numbers.minimumSpeedDelta ?? 0) + 8) <= 2)
        let throttle = try #require(cue(lap: 3, corner: c))
        #expect(throttle.topic == .throttlePickup)
        #expect(abs((throttle.numbers.throttlePickupDelta ?? 0) - 30) <= 5)
        let late = try #require(cue(lap: 3, corner: d))
        #expect(late.topic == .brakePoint)
        #expect(abs((late.numbers.brakePointDelta ?? 0) - 15) <= 5)
        // Nothing else: no invented corners, no cues on the clean laps.
        #expect(run.heard.count == 4, "\(run.heard.map { "L\($0.lap) \($0.cue.text)" })")
        #expect(run.feedback(lap: 1).isEmpty && run.feedback(lap: 4).isEmpty)
        // The lap summary carries the same measurements.
        let summary = try #require(run.laps[1].corners.first { $0.corner == a })
        #expect(abs((summary.versusReference.brakePointDelta ?? 0) + 20) <= 5)
        #expect(early.text.hasPrefix("Turn \(a): brake 20 metres later"))
    }

    @Test func habitIsCoachedOnlyAfterRepeating() throws {
        let track = SyntheticTrack.testCircuit, car = CarProfile.gt4
        let corner = 3
        // One-off mistake: feedback, never approach advice.
        let once = CoachRun(LapSynthesizer.frames(track: track, car: car, laps: 5, mistakes: [.brakeEarly(corner: corner, lap: 2, metres: 20)]), track: track)
        #expect(once.anticipatory.isEmpty)
        #expect(once.feedback(lap: 2).count == 1)
        // Alternating sides is not a habit.
        let mixed = CoachRun(LapSynthesizer.frames(track: track, car: car, laps: 5, mistakes: [
            .brakeEarly(corner: corner, lap: 2, metres: 20), .brakeLate(corner: corner, lap: 3, metres: 20),
            .brakeEarly(corner: corner, lap: 4, metres: 20),
        ]), track: track)
        #expect(mixed.anticipatory.isEmpty)
        // Repeated on laps 2-6: approach advice from lap 4, after two laps the same side.
        let repeated = CoachRun(LapSynthesizer.frames(track: track, car: car, laps: 7, mistakes: (2...6).map {
            .brakeEarly(corner: corner, lap: $0, metres: 20)
        }), track: track)
        let first = try #require(repeated.anticipatory.first)
        #expect(first.lap == 4)
        #expect(first.cue.corner == corner && first.cue.topic == .brakePoint)
        #expect(first.cue.text == "Turn 3: brake 20 metres later")
        #expect((first.cue.numbers.brakePointDelta ?? 0) < -15)
        // Cooldown: the same feedback is not repeated on lap 3.
        #expect(repeated.feedback(lap: 2).count == 1 && repeated.feedback(lap: 3).isEmpty, "\(repeated.heard.map { "L\($0.lap) \($0.cue.text)" })")
        // Hysteresis: lap 7 is clean, one calm lap does not end the habit before lap 8 (not run);
        // the advice itself is not repeated within the cooldown.
        let laps = repeated.anticipatory.map(\.lap)
        for pair in zip(laps, laps.dropFirst()) { #expect(pair.1 - pair.0 > 2) }
    }

    @Test func habitEndsAfterTwoCalmLaps() {
        let track = SyntheticTrack.testCircuit, car = CarProfile.gt4
        let mistakes: [InjectedMistake] = [.brakeEarly(corner: 3, lap: 1, metres: 20), .brakeEarly(corner: 3, lap: 2, metres: 20)]
        let run = CoachRun(LapSynthesizer.frames(track: track, car: car, laps: 9, mistakes: mistakes), track: track)
        // Habit on after lap 2: advice on lap 3; laps 3 and 4 are clean: off, so nothing on lap 6+.
        #expect(run.anticipatory.map(\.lap) == [3])
    }

    @Test(arguments: coachCases)
    func anticipatoryCuesLandBeforeTheBrakePoint(testCase: CoachCase) throws {
        let corners = testCase.injectable
        // Every other corner, so one corner's mistake does not change the approach to the next.
        let chosen = corners.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let mistakes = (1...5).flatMap { lap in chosen.map { InjectedMistake.brakeLate(corner: $0.number, lap: lap, metres: 15) } }
        let configuration = CueConfiguration()
        let session = LapSynthesizer.frames(track: testCase.track, car: testCase.car, laps: 6, mistakes: mistakes, noise: .init(seed: 5))
        let run = CoachRun(session, track: testCase.track, configuration: configuration)
        let n = session.reference.count
        try #require(!run.anticipatory.isEmpty)
        for heard in run.anticipatory {
            let truth = try #require(session.corners.first { $0.number == heard.cue.corner })
            let onset = try #require(truth.brakeOnset)
            let deadline = try #require(heard.cue.deadlineDistance)
            // The deadline is before the reference brake point, by the reaction distance (< 50 m).
            let margin = Grid.forwardDistance(from: deadline, to: onset, count: n)
            #expect(margin > 5 && margin < 50, "T\(heard.cue.corner) deadline \(deadline) onset \(onset)")
            // Said at least speaking time (at reference speed) before the deadline.
            let speaking = configuration.speakingTime(of: heard.cue.text) * Double(session.reference.speed[Int(deadline)])
            let ahead = Grid.forwardDistance(from: heard.distance, to: deadline, count: n)
            #expect(ahead >= speaking, "T\(heard.cue.corner): said \(ahead) m ahead, needs \(speaking)")
            #expect(ahead <= speaking + configuration.leadMargin + 5)
            #expect(heard.cue.text.contains("brake") && heard.cue.text.contains("earlier"), "\(heard.cue.text) \(run.heard.map(\.cue.text))")
        }
    }

    @Test(arguments: coachCases)
    func noCueMidBrakingAndOnePerCornerPerLap(testCase: CoachCase) {
        let corners = testCase.injectable.map(\.number)
        var mistakes: [InjectedMistake] = []
        for lap in 1...6 {
            for (i, corner) in corners.enumerated() {
                switch (lap + i) % 3 {
                case 0: mistakes.append(.brakeEarly(corner: corner, lap: lap, metres: 25))
                case 1: mistakes.append(.slowApex(corner: corner, lap: lap, kmh: 10))
                default: mistakes.append(.lateThrottle(corner: corner, lap: lap, metres: 35))
                }
            }
        }
        let session = LapSynthesizer.frames(track: testCase.track, car: testCase.car, laps: 6, mistakes: mistakes, noise: .init(seed: 9))
        let run = CoachRun(session, track: testCase.track)
        #expect(run.heard.count >= corners.count)
        for heard in run.heard { #expect(heard.brake < PedalThresholds.brakeOn, "\(heard.cue.text) at \(heard.distance)") }
        var seen: Set<String> = []
        for heard in run.heard {
            let key = "\(heard.lap)-\(heard.cue.corner)"
            #expect(!seen.contains(key), "two cues for T\(heard.cue.corner) on lap \(heard.lap)")
            seen.insert(key)
        }
    }

    @Test func abortKeepsHabitsAndForgetsTheLap() throws {
        let track = SyntheticTrack.testCircuit, car = CarProfile.gt4
        let mistakes = (1...3).map { InjectedMistake.brakeEarly(corner: 3, lap: $0, metres: 20) }
        let session = LapSynthesizer.frames(track: track, car: car, laps: 5, mistakes: mistakes)
        // Abort lap 3 before corner 3: lap 3 gives no corner 3 feedback, the habit from laps 1-2 stays.
        let run = CoachRun(session, track: track, abortAt: (lap: 3, distance: 200))
        #expect(run.heard.filter { $0.lap == 3 }.isEmpty)
        #expect(run.laps[2].corners.isEmpty)
        let advice = run.anticipatory.first
        #expect(advice?.lap == 4 && advice?.cue.corner == 3)
    }

    @Test func turkishCoachSpeaksTurkish() throws {
        let track = SyntheticTrack.testCircuit
        let session = LapSynthesizer.frames(track: track, car: .gt4, laps: 2, mistakes: [.brakeEarly(corner: 3, lap: 2, metres: 12)])
        let run = CoachRun(session, track: track, language: .turkish)
        let cue = try #require(run.heard.first?.cue)
        #expect(cue.text == "Viraj 3: 10 metre daha geç frenle")
    }
}
