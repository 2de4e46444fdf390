import Telemetry
import Testing

@testable import Coaching
@testable import LapSynthesis

/// Issue 16, landmarks: where the track map names a corner's landmark, brake point advice says
/// it instead of metres ("brake at the 100 board"), on the approach and after the corner, while
/// `numbers` keep the metres. No shipped map has landmarks (no real source for board positions
/// of those tracks), so the map here is synthetic.
@Suite struct LandmarkCueTests {
    let track = SyntheticTrack.testCircuit
    let car = CarProfile.gt4

    @Test func brakePointAdviceSaysTheLandmark() throws {
        let mistakes = (2...4).map { InjectedMistake.brakeEarly(corner: 2, lap: $0, metres: 25) }
        let session = LapSynthesizer.frames(track: track, car: car, laps: 5, mistakes: mistakes)
        #expect(session.injected.count == mistakes.count, "not injected: \(session.notInjected)")
        var choice = CoachDrive.shippedChoice(session, track: track, car: car)
        let map = try #require(choice.trackMap)
        let index = try #require(map.corners.firstIndex { $0.number == 2 })
        choice.trackMap?.corners[index].landmark = "brake at the 100 board"
        let coach = DriverCoach(session: CoachDrive.descriptor(track, car: car, length: track.length), reference: choice, language: .english)
        let cues = CoachDrive.cues(CoachDrive.stream(session.frames, through: coach)).filter { $0.corner == 2 && $0.topic == .brakePoint }
        print(cues.map { "\($0.kind): \($0.text) \($0.numbers)" })
        #expect(cues.contains { $0.kind == .feedback } && cues.contains { $0.kind == .anticipatory })
        for cue in cues {
            #expect(cue.text.contains("brake at the 100 board") && !cue.text.contains("earlier"), "\(cue.text)")
            #expect((cue.numbers.brakePointDelta ?? 0) <= -20, "the numbers keep the metres: \(cue.numbers)")
        }
    }
}
