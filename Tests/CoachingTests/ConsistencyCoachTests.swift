import Coaching
import LapSynthesis
import Telemetry
import Testing

/// Issue 16, consistency: a corner whose brake point or apex speed scatters over the last valid
/// laps gets "braking varies 20 metres" instead of single-lap advice; clean laps and a one-off
/// mistake get none (`ConsistencyTracker`).
@Suite struct ConsistencyCoachTests {
    let track = SyntheticTrack.testCircuit
    let car = CarProfile.gt4

    private func drive(laps: Int, mistakes: [InjectedMistake]) throws -> (events: [CoachingEvent], cues: [Cue]) {
        let session = LapSynthesizer.frames(track: track, car: car, laps: laps, mistakes: mistakes)
        #expect(session.injected.count == mistakes.count, "not injected: \(session.notInjected)")
        let coach = DriverCoach(
            session: CoachDrive.descriptor(track, car: car, length: track.length),
            reference: CoachDrive.shippedChoice(session, track: track, car: car), language: .english)
        #expect(coach.topics.contains(.consistency))
        let events = CoachDrive.stream(session.frames, through: coach)
        return (events, CoachDrive.cues(events))
    }

    /// The cue's position among the events: on which lap it was said.
    private func lap(of cue: Cue, in events: [CoachingEvent]) -> Int {
        let index = events.firstIndex { if case .cue(let c) = $0 { c.id == cue.id } else { false } } ?? 0
        return 1 + events[..<index].filter { if case .lapCompleted = $0 { true } else { false } }.count
    }

    @Test func brakePointsScatteredBothWaysGetAConsistencyCueAtTheirCorner() throws {
        let mistakes: [InjectedMistake] = [
            .brakeEarly(corner: 2, lap: 2, metres: 12), .brakeLate(corner: 2, lap: 3, metres: 10),
            .brakeEarly(corner: 2, lap: 4, metres: 12), .brakeLate(corner: 2, lap: 5, metres: 10),
            .brakeEarly(corner: 2, lap: 6, metres: 12),
        ]
        let (events, cues) = try drive(laps: 7, mistakes: mistakes)
        let scatter = cues.filter { $0.topic == .consistency }
        let first = try #require(scatter.first, "cues: \(cues.map(\.text))")
        #expect(scatter.allSatisfy { $0.corner == 2 && $0.numbers.brakePointSpread != nil })
        // Laps 1-4 are recorded when lap 5 reaches turn 2: 0, -12, +10, -12 m; the -12 furthest
        // from the median is left out, 22 m remain, said as 20.
        #expect(lap(of: first, in: events) == 5)
        #expect(first.text == "Turn 2: braking varies 20 metres, pick one marker")
        #expect(first.numbers.brakePointSpread == 20)
        // From then on turn 2 hears no single-lap brake point advice.
        #expect(!cues.contains { $0.corner == 2 && $0.topic == .brakePoint && lap(of: $0, in: events) >= 5 })
    }

    @Test func apexSpeedsScatteredGetTheirOwnWords() throws {
        let mistakes = [2, 4, 6].map { InjectedMistake.slowApex(corner: 3, lap: $0, kmh: 9) }
        let (events, cues) = try drive(laps: 7, mistakes: mistakes)
        let scatter = try #require(cues.first { $0.topic == .consistency }, "cues: \(cues.map(\.text))")
        #expect(scatter.corner == 3 && scatter.text == "Turn 3: keep one apex speed")
        #expect(try #require(scatter.numbers.apexSpeedSpread) >= 6)
        #expect(lap(of: scatter, in: events) >= 5)
    }

    @Test func cleanLapsAndAOneOffMistakeAreNotInconsistent() throws {
        let (_, clean) = try drive(laps: 7, mistakes: [])
        #expect(clean.isEmpty, "\(clean.map(\.text))")
        let (_, oneOff) = try drive(laps: 7, mistakes: [.brakeEarly(corner: 2, lap: 3, metres: 25)])
        #expect(!oneOff.contains { $0.topic == .consistency }, "\(oneOff.map(\.text))")
        #expect(oneOff.contains { $0.topic == .brakePoint && $0.corner == 2 })
    }
}
