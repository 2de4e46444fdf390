import Synchronization
import Telemetry
import Testing
@testable import Coaching
@testable import LapSynthesis

/// A voice whose clips all last `seconds`; remembers what the coach asked it to prepare.
private final class FixedLengthSpeech: CueSpeech {
    let seconds: Double?
    private let prepared = Mutex<[String]>([])

    init(seconds: Double?) { self.seconds = seconds }

    var preparedTexts: [String] { prepared.withLock { $0 } }
    func speakingTime(of text: String, language: CueLanguage) -> Double? { seconds }
    func prepare(_ text: String, language: CueLanguage) { prepared.withLock { $0.append(text) } }
}

@Suite struct CueSpeechTimingTests {
    /// Corner 3 braked 20 m early on laps 1 and 2: a habit, so lap 3 gets an approach cue.
    private func drive(speech: (any CueSpeech)?) -> (planned: ApproachCue?, said: [(Cue, Double)], plans: [CornerPlan]) {
        let track = SyntheticTrack.testCircuit
        let mistakes = (1...2).map { InjectedMistake.brakeEarly(corner: 3, lap: $0, metres: 20) }
        let session = LapSynthesizer.frames(track: track, car: .gt4, laps: 3, mistakes: mistakes)
        let map = TrackSegmenter.trackMap(for: session.reference, track: track.descriptor)
        var coach = CornerCoach(reference: session.reference, trackMap: map, language: .english, speech: speech)
        var currentLap: Int32 = 0
        var said: [(Cue, Double)] = []
        for frame in session.frames {
            if frame.lapNumber != currentLap {
                if currentLap != 0 { _ = coach.lapFinished(isValid: true) }
                coach.lapStarted(lapNumber: frame.lapNumber)
                currentLap = frame.lapNumber
            }
            var cues: [Cue] = []
            let elapsed = frame.sessionTime - session.lineCrossingTimes[Int(frame.lapNumber) - 1]
            coach.observe(frame, elapsedLapTime: elapsed, batchSequence: 0, into: &cues)
            said += cues.filter { $0.kind == .anticipatory }.map { ($0, Double(frame.lapDistance)) }
        }
        return (coach.approaches.first, said, coach.plans)
    }

    @Test func aLongerClipTriggersEarlierByItsExtraLengthAtReferenceSpeed() throws {
        let short = drive(speech: FixedLengthSpeech(seconds: 1.0))
        let long = drive(speech: FixedLengthSpeech(seconds: 3.0))
        let shortCue = try #require(short.planned), longCue = try #require(long.planned)
        #expect(shortCue.text == longCue.text)
        let plan = short.plans[shortCue.plan]
        // Two more seconds of speech at the reference speed at the deadline.
        let expectedShift = 2.0 * plan.deadlineSpeed
        #expect(expectedShift > 20, "the approach is fast enough for the shift to matter")
        let shift = shortCue.timing.trigger - longCue.timing.trigger
        #expect(abs(shift - expectedShift) < 1e-6)
        // Both say it, the long one where its earlier trigger is (first frame past it).
        let saidShort = try #require(short.said.first), saidLong = try #require(long.said.first)
        #expect(abs((saidShort.1 - saidLong.1) - expectedShift) < 2, "60 Hz frames are about 1 m apart")
        #expect(saidLong.0.deadlineDistance == saidShort.0.deadlineDistance)
    }

    @Test func withoutAKnownLengthTheWordEstimateIsUsed() throws {
        let estimated = try #require(drive(speech: nil).planned)
        let unknown = try #require(drive(speech: FixedLengthSpeech(seconds: nil)).planned)
        let nonsense = try #require(drive(speech: FixedLengthSpeech(seconds: -.infinity)).planned)
        #expect(unknown.timing == estimated.timing)
        #expect(nonsense.timing == estimated.timing)
        // The estimate for "Turn 3: brake 20 metres later" (6 words at 2.5 words/s + 0.3 s) is
        // 2.7 s; a 1 s clip (+0.1 s to start playing) starts 1.6 s later.
        let clip = try #require(drive(speech: FixedLengthSpeech(seconds: 1.0)).planned)
        let plans = drive(speech: nil).plans
        let speed = plans[estimated.plan].deadlineSpeed
        #expect(abs((clip.timing.trigger - estimated.timing.trigger) - 1.6 * speed) < 1e-6)
    }

    @Test func plannedAndQueuedWordsAreOfferedForPreparation() throws {
        let speech = FixedLengthSpeech(seconds: 1.5)
        let run = drive(speech: speech)
        let planned = try #require(run.planned)
        #expect(speech.preparedTexts.contains(planned.text))
        // Feedback for the early braking on laps 1 and 2 was queued, so it was offered too.
        #expect(speech.preparedTexts.contains { $0.hasPrefix("Turn 3: brake 20 metres later") })
    }
}
