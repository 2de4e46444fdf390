import Coaching
import LapSynthesis
import Telemetry
import Testing

/// Issue 16, trail braking: a brake let off well before the reference lets it off (same brake
/// point, the car rolling to the apex) is found at its corner and said as what to do; braking
/// moved as a whole is the brake point's, not a second mistake.
@Suite struct BrakeReleaseCoachTests {
    let track = SyntheticTrack.testCircuit
    let car = CarProfile.gt4

    private func cues(laps: Int, mistakes: [InjectedMistake]) throws -> (cues: [Cue], session: SyntheticSession) {
        let session = LapSynthesizer.frames(track: track, car: car, laps: laps, mistakes: mistakes)
        let coach = DriverCoach(
            session: CoachDrive.descriptor(track, car: car, length: track.length),
            reference: CoachDrive.shippedChoice(session, track: track, car: car), language: .english)
        return (CoachDrive.cues(CoachDrive.stream(session.frames, through: coach)), session)
    }

    @Test func anEarlyReleaseIsFoundAtItsCorner() throws {
        let corners = LapSynthesizer.corners(track: track, car: car).filter { $0.brakeOnset != nil }.map(\.number)
        var found = 0
        for corner in corners {
            let (cues, session) = try cues(laps: 2, mistakes: [.earlyRelease(corner: corner, lap: 2, metres: 25)])
            guard let injected = session.injected.first else { continue }  // the zone was too short to squeeze
            found += 1
            let cue = try #require(cues.first, "corner \(corner): no cue for \(injected)")
            #expect(cues.count == 1 && cue.corner == corner && cue.topic == .brakeRelease, "\(cues.map(\.text))")
            let said = try #require(cue.numbers.brakeReleaseDelta)
            #expect(abs(said + injected.amount) <= 6, "said \(said) m for \(injected.amount) m early")
            #expect(cue.text.hasPrefix("Turn \(corner): trail the brake ") && cue.text.hasSuffix(" metres deeper"))
        }
        #expect(found >= 2, "the test circuit has braking zones long enough to squeeze")
    }

    @Test func brakingMovedAsAWholeIsOnlyTheBrakePoint() throws {
        let (cues, session) = try cues(laps: 2, mistakes: [.brakeEarly(corner: 2, lap: 2, metres: 25)])
        #expect(session.injected.count == 1)
        #expect(!cues.contains { $0.topic == .brakeRelease || $0.topic == .coasting }, "\(cues.map(\.text))")
        #expect(cues.contains { $0.topic == .brakePoint && $0.corner == 2 })
    }
}
