import Coaching
import LapSynthesis
import Telemetry
import Testing

/// The whole coach, frame by frame, on synthesised laps whose mistakes are known.
@Suite struct DriverCoachTests {
    let track = SyntheticTrack.testCircuit
    let car = CarProfile.gt4

    private func descriptor(length: Double) -> SessionDescriptor { CoachDrive.descriptor(track, car: car, length: length) }

    private func stream(_ frames: [TelemetryFrame], through coach: DriverCoach) -> [CoachingEvent] {
        CoachDrive.stream(frames, through: coach)
    }

    private func shippedChoice(_ session: SyntheticSession) -> ReferenceChoice {
        CoachDrive.shippedChoice(session, track: track, car: car)
    }

    @Test func repeatedEarlyBrakingGetsFeedbackThenAnAnticipatoryCueBeforeTheBrakePoint() throws {
        let corner = 2
        let session = LapSynthesizer.frames(
            track: track, car: car, laps: 5,
            mistakes: [2, 3, 4].map { .brakeEarly(corner: corner, lap: $0, metres: 20) })
        let choice = shippedChoice(session)
        let map = try #require(choice.trackMap)
        let truth = try #require(session.corners.first { $0.number == corner })
        let mapCorner = try #require(map.corners.min { abs($0.apex - truth.apex) < abs($1.apex - truth.apex) })
        #expect(abs(mapCorner.apex - truth.apex) < 30)

        let coach = DriverCoach(session: descriptor(length: track.length), reference: choice, language: .english)
        let events = stream(session.frames, through: coach)
        let cues = events.compactMap { if case .cue(let cue) = $0 { cue } else { nil } }

        let feedback = cues.filter { $0.kind == .feedback && $0.topic == .brakePoint }
        #expect(!feedback.isEmpty, "early braking at T\(mapCorner.number) was not reported")
        for cue in feedback {
            #expect(cue.corner == mapCorner.number)
            let delta = try #require(cue.numbers.brakePointDelta)
            #expect(abs(delta + 20) <= 5, "brake point delta \(delta) m, injected -20 m")
        }

        let anticipatory = cues.filter { $0.kind == .anticipatory && $0.corner == mapCorner.number }
        let ahead = try #require(anticipatory.first, "a repeated habit must be coached before the corner")
        let deadline = try #require(ahead.deadlineDistance)
        let brakePoint = try #require(mapCorner.brakePoint)
        #expect(deadline < brakePoint, "deadline \(deadline) m must come before the reference brake point \(brakePoint) m")

        // Cue ids are unique and increasing, and each names the batch that caused it.
        #expect(cues.map(\.id) == cues.map(\.id).sorted())
        #expect(Set(cues.map(\.id)).count == cues.count)
        #expect(cues.allSatisfy { $0.batchSequence >= 1 })
    }

    @Test func cleanLapsGetNoCuesAndLapTimesMatchTheSynthesiser() throws {
        let session = LapSynthesizer.frames(track: track, car: car, laps: 4)
        let coach = DriverCoach(session: descriptor(length: track.length), reference: shippedChoice(session), language: .english)
        let events = stream(session.frames, through: coach)

        let cues = events.compactMap { if case .cue(let cue) = $0 { cue } else { nil } }
        #expect(cues.isEmpty, "clean laps produced cues: \(cues.map(\.text))")

        let laps = events.compactMap { if case .lapCompleted(let lap) = $0 { lap } else { nil } }
        let timed = laps.filter { $0.lapTime != nil }
        // The stream starts at the line: lap 1 is a timed, valid lap, coached from its start
        // (lap 4 ends with the stream, before the line: partial, untimed).
        #expect(timed.map(\.lapNumber) == [1, 2, 3])
        #expect(timed.allSatisfy { $0.isValid })
        let mapCorners = try #require(shippedChoice(session).trackMap?.corners)
        for lap in timed {
            let expected = session.lapTimes[Int(lap.lapNumber) - 1]
            #expect(abs(try #require(lap.lapTime) - expected) < 0.005)
            #expect(abs(try #require(lap.deltaToReference)) < 0.01)
            if lap.lapNumber == 1 {
                // No lap before it: only a corner whose brake search starts before the line is missing.
                #expect(Set(lap.corners.map(\.corner)).isSubset(of: Set(mapCorners.map(\.number))))
                #expect(lap.corners.count >= mapCorners.count - 1)
            } else {
                // Laps after the first measure a corner whose brake search window starts before the line.
                #expect(lap.corners.map(\.corner) == mapCorners.map(\.number))
            }
        }

        // Deltas come a few times a second, not every frame.
        let deltas = events.compactMap { if case .delta(let d) = $0 { d } else { nil } }
        let seconds = session.lapTimes.reduce(0, +)
        #expect(Double(deltas.count) > seconds * 2 && Double(deltas.count) < seconds * 6)
        #expect(deltas.allSatisfy { abs($0.delta) < 0.05 })
    }

    /// Issue 16: a stream that starts at the line lost its whole first lap (an out-lap, not coached).
    @Test func aStreamStartingAtTheLineIsCoachedFromLapOne() throws {
        let session = LapSynthesizer.frames(track: track, car: car, laps: 2, mistakes: [.brakeEarly(corner: 2, lap: 1, metres: 25)])
        let injected = try #require(session.injected.first, "the synthesiser must have injected the mistake")
        let coach = DriverCoach(session: descriptor(length: track.length), reference: shippedChoice(session), language: .english)
        let events = stream(session.frames, through: coach)

        let lapOneEnd = try #require(events.firstIndex { if case .lapCompleted(let lap) = $0 { lap.lapNumber == 1 } else { false } })
        let cues = events[..<lapOneEnd].compactMap { if case .cue(let cue) = $0 { cue } else { nil } }
        let cue = try #require(cues.first, "the mistake on lap 1 got no cue")
        #expect(cues.count == 1 && cue.corner == 2 && cue.topic == .brakePoint && cue.kind == .feedback)
        let said = try #require(cue.numbers.brakePointDelta)
        #expect(abs(said + injected.amount) <= 5, "said \(said) m for \(injected.amount) m early")
        guard case .lapCompleted(let lap) = events[lapOneEnd] else { return }
        #expect(lap.isValid && lap.lapTime != nil)
        let corner = try #require(lap.corners.first { $0.corner == 2 })
        #expect(abs((corner.versusReference.brakePointDelta ?? 0) + injected.amount) <= 3)
    }

    @Test func withoutAReferenceTheFirstValidLapBecomesOneAndIsReplacedWhenBeaten() throws {
        // Lap 1 starts at the line: a timed lap, slow (early braking), so it becomes the reference;
        // lap 2 is slow too, lap 3 is clean and faster, lap 4 slow again; lap 5 only closes lap 4
        // at the line.
        let session = LapSynthesizer.frames(
            track: track, car: car, laps: 5,
            mistakes: [
                .brakeEarly(corner: 2, lap: 1, metres: 30), .brakeEarly(corner: 2, lap: 2, metres: 30),
                .slowApex(corner: 3, lap: 4, kmh: 10),
            ])
        #expect(session.injected.count == 3)
        let coach = DriverCoach(
            session: descriptor(length: track.length), reference: ReferenceChoice(reference: nil, trackMap: nil, reason: .none),
            language: .english)
        let events = stream(session.frames, through: coach)

        let changes = events.compactMap { if case .referenceChanged(let c) = $0 { c } else { nil } }
        #expect(changes.count == 2, "first valid lap, then the faster one")
        #expect(changes.allSatisfy { $0.reason == .driverBest })
        let times = changes.compactMap { $0.reference?.metadata.lapTime }
        #expect(times.count == 2 && times[1] < times[0] - 0.1)
        #expect(changes.map { $0.reference?.metadata.source } == ["driver-best:lap 1", "driver-best:lap 3"])
        #expect(coach.referenceChoice.reason == .driverBest)

        let laps = events.compactMap { if case .lapCompleted(let lap) = $0 { lap } else { nil } }
        let lap4 = try #require(laps.first { $0.lapNumber == 4 && $0.lapTime != nil })
        #expect(try #require(lap4.deltaToReference) > 0, "the slow lap is behind the own-best reference")
    }

    @Test func finishingMidLapReportsAPartialInvalidLap() throws {
        let session = LapSynthesizer.frames(track: track, car: car, laps: 2)
        let coach = DriverCoach(session: descriptor(length: track.length), reference: shippedChoice(session), language: .english)
        var events: [CoachingEvent] = []
        let cut = session.frames.count * 3 / 4
        for (index, frame) in session.frames[..<cut].enumerated() {
            coach.process(LiveFrame(frame: frame, batchSequence: UInt64(index / 6 + 1)), into: &events)
        }
        coach.finish(into: &events)
        guard case .lapCompleted(let last) = try #require(events.last) else {
            Issue.record("the last event must be the partial lap")
            return
        }
        #expect(!last.isValid)
        #expect(last.invalidReason == "partial")
        #expect(last.lapTime == nil)
        #expect(!last.frames.isEmpty)
    }
}
