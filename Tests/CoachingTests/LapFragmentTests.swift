import Coaching
import Telemetry
import Testing

/// Fragments are not laps (`LapFragmentRule`), and a lap in progress has a cap
/// (`LapTrackingConfiguration.maximumLapFrames` / `maximumLapDuration`).
@Suite struct LapFragmentTests {
    let session = ConstantSpeedSession(trackLength: 1000.5, speed: 60, startDistance: 300.25)
    let live = LapTrackingConfiguration(fragmentRule: LapFragmentRule())

    /// The issue's flood: a distance that jumps back and forth every frame (each jump a "reset").
    func jumpingFrames(_ count: Int) -> [TelemetryFrame] {
        (0..<count).map { index in
            var frame = session.frame(index)
            frame.lapNumber = 3
            frame.lapDistance = index % 2 == 0 ? 100 : 700
            frame.lapDistanceFraction = frame.lapDistance / 1000.5
            return frame
        }
    }

    @Test func jumpingDistancesAreFragmentsNotLaps() {
        var tracker = LapTracker(trackLength: session.trackLength, configuration: live)
        let events = tracker.ingest(all: jumpingFrames(6_000))
        #expect(events.compactMap(\.completed).isEmpty && events.compactMap(\.abandoned).isEmpty)
        let fragments = events.compactMap(\.fragment)
        #expect(fragments.count == 5_999, "every jump ends a one-frame fragment")
        #expect(fragments.allSatisfy { $0.reason == .tooShort && $0.invalidReason == .reset && $0.extent.frameCount == 1 })
        if case .fragmentDiscarded = tracker.end() {} else { Issue.record("the last one-frame lap is a fragment too") }

        // Without the rule (the reference tools) every fragment is still reported, as before.
        var plain = LapTracker(trackLength: session.trackLength)
        #expect(plain.ingest(all: jumpingFrames(6_000)).compactMap(\.abandoned).count == 5_999)
    }

    @Test func realLapsPassTheRule() {
        var tracker = LapTracker(trackLength: session.trackLength, configuration: live)
        let events = tracker.ingest(all: session.frames(seconds: (3.7 * 1000.5 - 300.25) / 60))
        // The out-lap covers 700 of 1000.5 m: a lap (invalid), kept; then two flying laps.
        #expect(events.compactMap(\.completed).map(\.invalidReason) == [.outLap, nil, nil])
        #expect(events.compactMap(\.fragment).isEmpty)
        // 0.7 of a lap driven when the session ends: a partial lap, kept.
        guard case .lapAbandoned(let partial) = tracker.end() else {
            Issue.record("the partial lap past half distance is a lap")
            return
        }
        #expect(partial.invalidReason == .partial)
    }

    @Test func aShortPartialAndAResetsFirstMetresAreFragments() {
        var tracker = LapTracker(trackLength: session.trackLength, configuration: live)
        // A fifth of a lap, then the session ends.
        _ = tracker.ingest(all: session.frames(seconds: 200 / 60))
        guard case .fragmentDiscarded(let fragment) = tracker.end() else {
            Issue.record("200 m of a 1000 m lap is no lap (under a quarter)")
            return
        }
        #expect(fragment.invalidReason == .partial && fragment.reason == .tooShort && !fragment.endedAtLine)
        #expect(abs(fragment.extent.distanceCovered - 199) < 1.5)
    }

    @Test(arguments: [
        // (frames, spacing m, seconds): too sparse, too fast, a lap.
        (10, 100.0, 60.0, LapFragmentReason?.some(.tooSparse)),
        (600, 1.0, 2.0, LapFragmentReason?.some(.tooFast)),
        (600, 1.0, 10.0, LapFragmentReason?.none),
    ])
    func sparseAndImpossiblyFastLapsAreFragments(frames: Int, spacing: Double, seconds: Double, expected: LapFragmentReason?) {
        let extent = LapExtent((0..<frames).map { index in
            TelemetryFrame(
                sessionTime: seconds * Double(index) / Double(frames - 1), lapNumber: 1, lapDistance: Float(spacing * Double(index)),
                speed: 60, throttle: 1, brake: 0, gear: 4)
        })
        let length = spacing * Double(frames - 1) + 1
        #expect(LapFragmentRule().fragmentReason(of: extent, lapLength: length) == expected)
    }

    @Test func aCarStandingStillIsCutAtTheTimeCapAndIsNoLap() throws {
        var configuration = live
        configuration.maximumLapDuration = 600
        var tracker = LapTracker(trackLength: session.trackLength, configuration: configuration)
        // Standing at 150 m for 25 minutes at 60 Hz.
        let standing = (0..<(25 * 60 * 60)).map { (index: Int) -> TelemetryFrame in
            let jitter: Float = index % 2 == 0 ? 0.02 : -0.02
            return TelemetryFrame(
                sessionTime: 100 + Double(index) / 60, lapNumber: 4, lapDistance: 150 + jitter, speed: 0, throttle: 0,
                brake: 1, gear: 1)
        }
        let events = tracker.ingest(all: standing)
        let fragments = events.compactMap(\.fragment)
        #expect(fragments.count == 2, "cut at 10 and at 20 minutes")
        #expect(fragments.allSatisfy { $0.wasCut && $0.reason == .tooShort })
        let first = try #require(fragments.first)
        #expect(first.extent.frameCount == 600 * 60 + 1)
        #expect(abs(first.extent.duration - 600) <= 1.0 / 60)
    }

    @Test func aLapPastTheFrameCapIsCutAndStoredAsTooLong() throws {
        var configuration = live
        configuration.maximumLapFrames = 1_000
        var tracker = LapTracker(trackLength: 1000, configuration: configuration)
        // Crawling at 0.6 m a frame: 1,000 frames cover 600 m of the 1,000 m lap.
        let crawl = (0..<1_400).map { index in
            TelemetryFrame(
                sessionTime: Double(index) / 60, lapNumber: 2, lapDistance: Float(10 + 0.6 * Double(index)),
                speed: 36, throttle: 0.2, brake: 0, gear: 1)
        }
        let events = tracker.ingest(all: crawl)
        let cut = try #require(events.compactMap(\.abandoned).first)
        #expect(cut.invalidReason == .tooLong && cut.frames.count == 1_000 && !cut.isComplete)
        #expect(tracker.currentLapNumber == 2)
        // The lap after the cut did not start at the line: untimed, and it says why.
        guard case .fragmentDiscarded(let rest) = tracker.end() else {
            Issue.record("the 240 m after the cut are a fragment")
            return
        }
        #expect(rest.invalidReason == .partial && rest.extent.frameCount == 400)
    }

    @Test func theCoachTellsACutAndStoresTheCutLapAsTooLong() throws {
        var configuration = DriverCoachConfiguration()
        configuration.lapTracking.maximumLapFrames = 1_000
        let descriptor = SessionDescriptor(
            sim: "synthetic", track: TrackDescriptor(name: "Crawl", configuration: "", length: 1000), car: "car",
            sessionType: "practice")
        let coach = DriverCoach(session: descriptor, reference: .noReference, language: .english, configuration: configuration)
        var events: [CoachingEvent] = []
        for index in 0..<1_200 {
            let frame = TelemetryFrame(
                sessionTime: Double(index) / 60, lapNumber: 2, lapDistance: Float(10 + 0.6 * Double(index)),
                speed: 36, throttle: 0.2, brake: 0, gear: 1)
            coach.process(LiveFrame(frame: frame, batchSequence: UInt64(index / 6 + 1)), into: &events)
        }
        coach.finish(into: &events)
        let cut = try #require(events.compactMap { if case .lapCut(let cut) = $0 { cut } else { nil } }.first)
        #expect(cut.frameCount == 1_000 && cut.lapNumber == 2)
        let laps = events.compactMap { if case .lapCompleted(let lap) = $0 { lap } else { nil } }
        #expect(laps.map(\.invalidReason) == ["too_long"], "the 120 m after the cut are a fragment, not a lap")
        #expect(events.contains { if case .lapDiscarded(let fragment) = $0 { fragment.invalidReason == .partial } else { false } })
    }
}

extension LapTrackerEvent {
    var fragment: LapFragment? { if case .fragmentDiscarded(let fragment) = self { fragment } else { nil } }
}

extension ReferenceChoice {
    static var noReference: ReferenceChoice { ReferenceChoice(reference: nil, trackMap: nil, reason: .none) }
}
