import Telemetry
import Testing

@testable import Coaching
@testable import LapSynthesis

/// The synthesiser lists only the mistakes its frames hold, with the size they hold (issue 16);
/// `SyntheticGroundTruthTests` (LoadTests) runs the same over every shipped reference.
@Suite struct SynthesisGroundTruthTests {
    let track = SyntheticTrack.testCircuit

    @Test func aMistakeTheFramesCannotShowIsDroppedAndTheRestKeepTheirMeasuredSize() throws {
        // No apex can be 400 km/h slower than the reference's; 20 m early braking can be.
        let impossible = InjectedMistake.slowApex(corner: 3, lap: 2, kmh: 400)
        let possible = InjectedMistake.brakeEarly(corner: 2, lap: 2, metres: 20)
        let session = LapSynthesizer.frames(track: track, car: .gt4, laps: 3, mistakes: [impossible, possible])
        #expect(session.notInjected == [impossible])
        let listed = try #require(session.injected.first)
        #expect(session.injected.count == 1 && listed.corner == 2 && listed.lap == 2)
        #expect(abs(listed.amount - 20) <= 2, "listed as measured back: \(listed.amount) m")
        // The dropped mistake's lap was synthesised again without it: lap 2's time is that of
        // early braking alone, faster than with a crawl through turn 3 too.
        let clean = LapSynthesizer.frames(track: track, car: .gt4, laps: 3, mistakes: [possible])
        #expect(abs(session.lapTimes[1] - clean.lapTimes[1]) < 1e-9)
    }

    @Test func everyListedMistakeMeasuresBackFromTheFrames() throws {
        let corners = LapSynthesizer.corners(track: track, car: .gt4).filter { $0.brakeOnset != nil }.map(\.number)
        let asked = corners.enumerated().map { index, corner -> InjectedMistake in
            switch index % 3 {
            case 0: .brakeEarly(corner: corner, lap: 1 + index % 3, metres: 25)
            case 1: .slowApex(corner: corner, lap: 1 + index % 3, kmh: 10)
            default: .lateThrottle(corner: corner, lap: 1 + index % 3, metres: 35)
            }
        }
        let session = LapSynthesizer.frames(track: track, car: .gt4, laps: 3, mistakes: asked, noise: SyntheticNoise(seed: 7))
        #expect(session.injected.count + session.notInjected.count == asked.count)
        #expect(session.injected.count >= asked.count / 2)
        for mistake in session.injected {
            let asked = try #require(asked.first { $0.corner == mistake.corner && $0.lap == mistake.lap })
            #expect(mistake.amount >= MistakeCheck.minimumShare * asked.amount, "\(mistake)")
        }
    }
}
