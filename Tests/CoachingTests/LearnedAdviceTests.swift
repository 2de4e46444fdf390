import Telemetry
import Testing

@testable import Coaching
@testable import LapSynthesis

/// Issue 16, advice that fades once learned: a corner fixed for several laps after its advice
/// goes quiet, a single slip gets no feedback, and the advice comes back with the habit.
@Suite struct LearnedAdviceTests {
    let track = SyntheticTrack.testCircuit
    let car = CarProfile.gt4

    /// Turn 2 braked 25 m early on laps 2-3 (told), fixed on laps 4-6 (learned), one slip on
    /// lap 7 (quiet), fixed on lap 8, early again on laps 9-10 (the habit is back: told on lap 10).
    /// Consistency is switched off: its cue would replace the brake point's on the scattered laps.
    @Test func learnedAdviceIsQuietOnASlipAndReturnsWithTheHabit() throws {
        let early: [Int] = [2, 3, 7, 9, 10]
        let mistakes = early.map { InjectedMistake.brakeEarly(corner: 2, lap: $0, metres: 25) }
        let session = LapSynthesizer.frames(track: track, car: car, laps: 11, mistakes: mistakes)
        #expect(session.injected.count == mistakes.count, "not injected: \(session.notInjected)")
        let coach = DriverCoach(
            session: CoachDrive.descriptor(track, car: car, length: track.length),
            reference: CoachDrive.shippedChoice(session, track: track, car: car), language: .english,
            // Off here: these laps scatter by design, and a scatter's cue replaces the brake point's.
            configuration: DriverCoachConfiguration(preferences: CoachingPreferences(disabledTopics: [.consistency])))
        let (said, _) = AdviceOutcomeTests.record(CoachDrive.stream(session.frames, through: coach))
        let feedback = said.filter { $0.cue.corner == 2 && $0.cue.kind == .feedback && $0.cue.topic == .brakePoint }
        let laps = Set(feedback.map(\.lapNumber))
        print("turn 2 brake point feedback on laps", laps.sorted(), said.filter { $0.cue.corner == 2 }.map { "lap \($0.lapNumber): \($0.cue.text)" })
        #expect(laps.contains(2), "the first mistake is told")
        #expect(!laps.contains(7), "a single slip after the corner was learned is not told")
        #expect(laps.contains(10), "the habit is back on lap 10: so is the advice")
        #expect(!said.contains { $0.cue.corner == 2 && $0.lapNumber == 7 }, "nothing about turn 2 on the slip lap")
    }

    static func observation(_ value: Double) -> DeviationJudge.Observation {
        .init(topic: .brakePoint, value: value, threshold: 8, callable: abs(value) >= 8)
    }

    /// The rule on its own: learned after `learnedLaps` calm laps following advice (not before),
    /// a slip is held back, the second lap on the same side is not, and a lap on the other side
    /// starts a new count.
    @Test func theRuleCountsCalmLapsAfterAdviceAndRelapsesOnBothSides() {
        var learned = LearnedAdvice(configuration: CueConfiguration())
        let late = CueAdvice(topic: .brakePoint, amount: 20), early = CueAdvice(topic: .brakePoint, amount: -20)
        learned.record(corner: 4, observations: [Self.observation(1)])
        learned.record(corner: 4, observations: [Self.observation(1)])
        learned.record(corner: 4, observations: [Self.observation(1)])
        #expect(!learned.isLearned(corner: 4, topic: .brakePoint), "never advised: nothing learned")
        learned.said(corner: 4, topic: .brakePoint)
        learned.record(corner: 4, observations: [Self.observation(2)])
        learned.record(corner: 4, observations: [Self.observation(-3)])
        #expect(!learned.isLearned(corner: 4, topic: .brakePoint))
        learned.record(corner: 4, observations: [Self.observation(6)])  // not calm (over half the threshold): count restarts
        learned.record(corner: 4, observations: [Self.observation(0)])
        learned.record(corner: 4, observations: [Self.observation(1)])
        #expect(!learned.isLearned(corner: 4, topic: .brakePoint))
        learned.record(corner: 4, observations: [Self.observation(-1)])
        #expect(learned.isLearned(corner: 4, topic: .brakePoint))
        #expect(learned.holdsBack(late, corner: 4) && learned.holdsBack(early, corner: 4))
        #expect(!learned.holdsBack(late, corner: 5), "another corner is not affected")
        learned.record(corner: 4, observations: [Self.observation(20)])
        #expect(!learned.holdsBack(late, corner: 4), "a second lap late: the habit is back")
        #expect(learned.holdsBack(early, corner: 4), "one lap early is a slip")
        learned.record(corner: 4, observations: [Self.observation(20)])
        #expect(!learned.isLearned(corner: 4, topic: .brakePoint))
    }
}
