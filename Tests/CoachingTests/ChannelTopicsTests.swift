import Coaching
import LapSynthesis
import Telemetry
import Testing

/// Issue 16: a channel a sim or export does not send (gear all zero, no positions) or sends as a
/// constant is not a value: its detectors are off for the session and `topics` says so.
@Suite struct ChannelTopicsTests {
    let track = SyntheticTrack.testCircuit
    let car = CarProfile.gt4

    private func frame(_ index: Int, throttle: Float = 1, brake: Float = 0, gear: Int8 = 3, position: (Double, Double)? = nil) -> TelemetryFrame {
        var mask = ChannelMask.required
        if position != nil { mask.formUnion([.latitude, .longitude]) }
        return TelemetryFrame(
            sessionTime: Double(index) / 60, lapNumber: 1, lapDistance: Float(index), speed: 30 + Float(index % 10) * 0.2,
            throttle: throttle, brake: brake, gear: gear, latitude: position?.0 ?? .nan, longitude: position?.1 ?? .nan,
            presentChannels: mask)
    }

    @Test func aChannelIsLiveOnceItVariesByMoreThanItsNoise() {
        var activity = ChannelActivity()
        // Jitter within 5 % of pedal travel, gear 0 throughout, the (0, 0) "no position".
        for index in 0..<600 {
            activity.observe(frame(index, throttle: 0.95 + Float(index % 3) * 0.02, brake: Float(index % 2) * 0.05, gear: 0, position: (0, 0)))
        }
        #expect(activity.live == [.speed])
        activity.observe(frame(600, brake: 0.6, gear: 2))
        #expect(activity.live == [.speed, .brake, .gear])
        // Positions 10 m apart count only once the car has moved 50 m from the first one.
        let metresPerDegree = 6_371_000.0 * Double.pi / 180
        for step in 0..<5 { activity.observe(frame(601 + step, throttle: 0.2, position: (51.35, -0.26 + Double(step) * 10 / metresPerDegree / 0.625))) }
        #expect(!activity.live.contains(.position))
        activity.observe(frame(606, position: (51.35, -0.26 + 60 / metresPerDegree / 0.625)))
        #expect(activity.live == Set(CoachingChannel.allCases))
        // NaN never widens a range.
        var nan = ChannelActivity()
        for index in 0..<10 { nan.observe(frame(index, throttle: index == 5 ? .nan : 0.5)) }
        #expect(!nan.live.contains(.throttle))
    }

    @Test func topicsNeedEveryChannelTheirDetectorReads() {
        #expect(Cue.Topic.judgeable(with: [.speed, .throttle, .brake])
            == [.brakePoint, .brakePressure, .minimumSpeed, .throttlePickup, .coasting, .brakeRelease, .consistency])
        #expect(Cue.Topic.judgeable(with: [.speed]) == [.minimumSpeed])
        #expect(Cue.Topic.judgeable(with: [.speed, .position]) == [.minimumSpeed, .racingLine])
        #expect(Cue.Topic.judgeable(with: Set(CoachingChannel.allCases)) == Cue.Topic.allCases.filter(Cue.Topic.detected.contains))
    }

    /// GT7 and MoTeC exports send gear 0 throughout: the coach said "gear 3 at the apex,
    /// reference 0" at every corner, and those cues held back the brake cues of the next laps.
    @Test func aGearTheDriverNeverSendsIsNotCoachedAndHoldsNothingBack() throws {
        let session = LapSynthesizer.frames(
            track: track, car: car, laps: 4, mistakes: [2, 3].map { .brakeEarly(corner: 2, lap: $0, metres: 25) })
        #expect(session.injected.count == 2)
        let frames = session.frames.map { frame -> TelemetryFrame in
            var frame = frame
            frame.gear = 0
            return frame
        }
        let coach = DriverCoach(
            session: CoachDrive.descriptor(track, car: car, length: track.length),
            reference: CoachDrive.shippedChoice(session, track: track, car: car), language: .english)
        #expect(coach.topics.contains(.gear), "before a lap is driven, the reference decides")
        let cues = CoachDrive.cues(CoachDrive.stream(frames, through: coach))

        #expect(!cues.contains { $0.topic == .gear || $0.text.contains("gear") }, "\(cues.map(\.text))")
        #expect(cues.allSatisfy { $0.corner == 2 && $0.topic == .brakePoint }, "\(cues.map(\.text))")
        #expect(cues.contains { $0.kind == .feedback }, "the brake cue must still be said")
        #expect(!coach.topics.contains(.gear) && coach.topics.contains(.brakePoint))
    }

    /// A reference without gear (or positions) turns those topics off before the first frame.
    @Test func aReferenceWithoutAChannelTurnsItsTopicsOffFromTheStart() throws {
        let session = LapSynthesizer.frames(track: track, car: car, laps: 3, mistakes: [.brakeEarly(corner: 2, lap: 2, metres: 25)])
        var choice = CoachDrive.shippedChoice(session, track: track, car: car)
        var reference = try #require(choice.reference)
        reference.gear = Array(repeating: 0, count: reference.count)
        choice.reference = reference
        let coach = DriverCoach(
            session: CoachDrive.descriptor(track, car: car, length: track.length), reference: choice, language: .english)
        #expect(coach.topics == [.brakePoint, .brakePressure, .minimumSpeed, .throttlePickup, .coasting, .brakeRelease, .consistency])

        let cues = CoachDrive.cues(CoachDrive.stream(session.frames, through: coach))
        #expect(!cues.contains { $0.topic == .gear }, "\(cues.map(\.text))")
        #expect(cues.contains { $0.corner == 2 && $0.topic == .brakePoint })
    }

    /// A driver who switched a topic off hears nothing about it, and `topics` leaves it out.
    @Test func aTopicSwitchedOffIsNeitherJudgedNorListed() throws {
        let session = LapSynthesizer.frames(track: track, car: car, laps: 3, mistakes: [.brakeEarly(corner: 2, lap: 2, metres: 25)])
        let coach = DriverCoach(
            session: CoachDrive.descriptor(track, car: car, length: track.length),
            reference: CoachDrive.shippedChoice(session, track: track, car: car), language: .english,
            configuration: DriverCoachConfiguration(preferences: CoachingPreferences(disabledTopics: [.brakePoint])))
        #expect(!coach.topics.contains(.brakePoint))
        let cues = CoachDrive.cues(CoachDrive.stream(session.frames, through: coach))
        #expect(!cues.contains { $0.topic == .brakePoint }, "\(cues.map(\.text))")
    }
}
