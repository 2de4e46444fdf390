import Telemetry
import Testing

@testable import Coaching
@testable import LapSynthesis

/// Issue 16, did the advice work: synthesised laps where the brake point advice is followed and
/// the apex speed advice is not; the outcomes say so, the ranking follows, and the live coach
/// ranks and quiets advice by them.
@Suite struct AdviceOutcomeTests {
    let track = SyntheticTrack.testCircuit
    let car = CarProfile.gt4

    /// The cues with the lap each was said on, and the laps measured, from a coach's events.
    static func record(_ events: [CoachingEvent]) -> (said: [SaidCue], laps: [MeasuredLap]) {
        var said: [SaidCue] = [], laps: [MeasuredLap] = []
        var lapInProgress: Int32 = 1
        for event in events {
            switch event {
            case .cue(let cue): said.append(SaidCue(cue: cue, lapNumber: lapInProgress))
            case .lapCompleted(let lap):
                laps.append(MeasuredLap(lapNumber: lap.lapNumber, isValid: lap.isValid && lap.lapTime != nil, corners: lap.corners))
                lapInProgress = lap.lapNumber + 1
            default: break
            }
        }
        return (said, laps)
    }

    @Test func followedAdviceWorksAndIgnoredAdviceDoesNot() throws {
        // Turn 2 braked early once (the driver takes the advice); turn 3 slow on every lap from 2 on.
        let mistakes: [InjectedMistake] = [.brakeEarly(corner: 2, lap: 2, metres: 25)]
            + (2...5).map { .slowApex(corner: 3, lap: $0, kmh: 10) }
        let session = LapSynthesizer.frames(track: track, car: car, laps: 6, mistakes: mistakes)
        #expect(session.injected.count == mistakes.count, "not injected: \(session.notInjected)")
        let coach = DriverCoach(
            session: CoachDrive.descriptor(track, car: car, length: track.length),
            reference: CoachDrive.shippedChoice(session, track: track, car: car), language: .english)
        let (said, laps) = Self.record(CoachDrive.stream(session.frames, through: coach))

        let outcomes = AdviceOutcomes.evaluate(said, laps: laps)
        let brake = try #require(outcomes.first { $0.topic == .brakePoint && $0.corner == 2 }, "\(said.map(\.cue.text))")
        #expect(brake.worked && brake.lapNumber == 2)
        #expect(try #require(brake.before) > 20 && (try #require(brake.after)) < 3)
        let apex = try #require(outcomes.first { $0.topic == .minimumSpeed && $0.corner == 3 }, "\(said.map(\.cue.text))")
        #expect(!apex.worked)
        #expect(abs(try #require(apex.after) - 10) < 2)

        let ranking = AdviceEffectiveness(outcomes)
        let topics = ranking.topics.compactMap(\.topic)
        let brakeRank = try #require(topics.firstIndex(of: "brake_point")), apexRank = try #require(topics.firstIndex(of: "minimum_speed"))
        #expect(brakeRank < apexRank, "\(ranking.topics)")
        // The order is the outcomes' (not the names'): with nothing judged both score 0.5; now
        // the followed advice scores above it and the ignored one below.
        #expect(AdviceEffectiveness.score(worked: 0, judged: 0) == 0.5)
        #expect(ranking.topics[brakeRank].score > 0.5 && ranking.topics[apexRank].score < 0.5, "\(ranking.topics)")
        #expect(ranking.corners.first?.corner == 2)
    }

    /// Too few laps after a cue: not judged yet (no outcome rather than a guess).
    @Test func aCueIsJudgedOnlyOnceTwoLapsFollow() {
        let cue = Cue(id: 1, kind: .feedback, topic: .brakePoint, corner: 4, severity: 2, text: "x", numbers: CueNumbers(), batchSequence: 1)
        let laps = (1...2).map { lap in MeasuredLap(lapNumber: Int32(lap), isValid: true, corners: [Self.corner(4, brake: lap == 1 ? -20 : 0)]) }
        #expect(AdviceOutcomes.evaluate([SaidCue(cue: cue, lapNumber: 1)], laps: laps).isEmpty)
        let three = laps + [MeasuredLap(lapNumber: 3, isValid: true, corners: [Self.corner(4, brake: 1)])]
        #expect(AdviceOutcomes.evaluate([SaidCue(cue: cue, lapNumber: 1)], laps: three).map(\.worked) == [true])
        // An invalid lap after the cue does not count.
        let invalid = laps + [MeasuredLap(lapNumber: 3, isValid: false, corners: [Self.corner(4, brake: 1)])]
        #expect(AdviceOutcomes.evaluate([SaidCue(cue: cue, lapNumber: 1)], laps: invalid).isEmpty)
    }

    static func corner(_ number: Int, brake: Double, speed: Double = 0, time: Double = 0) -> CornerMetrics {
        CornerMetrics(
            corner: number, name: nil, startDistance: 0, apexDistance: 100, endDistance: 200, brakePoint: 50, peakBrake: 1,
            minimumSpeed: 80, throttlePickup: 150, apexGear: 3, coastingDistance: 0,
            versusReference: CueNumbers(brakePointDelta: brake, minimumSpeedDelta: speed, timeDelta: time))
    }

    /// Live: advice whose topic worked comes first, and minor advice that never worked goes quiet.
    @Test func theLedgerRanksAndQuietsAdviceByItsOutcomes() {
        var ledger = AdviceLedger()
        let configuration = CueConfiguration()
        func said(_ topic: Cue.Topic, corner: Int, lap: Int32) {
            ledger.said(Cue(id: 0, kind: .feedback, topic: topic, corner: corner, severity: 2, text: "", numbers: CueNumbers(), batchSequence: 0), lapNumber: lap)
        }
        #expect(ledger.weight(.brakePoint) == 1 && ledger.weight(.minimumSpeed) == 1)
        // Three rounds: brake advice at turn 1 is followed, apex advice at turn 2 is not.
        for round in 0..<3 {
            let first = Int32(1 + 3 * round)
            said(.brakePoint, corner: 1, lap: first)
            said(.minimumSpeed, corner: 2, lap: first)
            for lap in first...(first + 2) {
                let before = lap == first
                ledger.lapMeasured(MeasuredLap(lapNumber: lap, isValid: true, corners: [
                    Self.corner(1, brake: before ? -20 : 0), Self.corner(2, brake: 0, speed: -8),
                ]), configuration: configuration)
            }
        }
        #expect(ledger.tallies[.brakePoint] == .init(judged: 3, worked: 3))
        #expect(ledger.tallies[.minimumSpeed] == .init(judged: 3, worked: 0))
        #expect(ledger.weight(.brakePoint) > 1 && ledger.weight(.minimumSpeed) < 1)
        #expect(ledger.quiet(.minimumSpeed, severity: 2) && !ledger.quiet(.minimumSpeed, severity: 3))
        #expect(!ledger.quiet(.brakePoint, severity: 1))
    }
}
