import Coaching
import Foundation
import Telemetry
import TestSupport
import Testing

/// The lap tracker, resampler and delta tracker on real iRacing recordings (shared/data/telemetry).
///
/// The oracle is `manifest.json`, made by an independent reader: per lap, its rows, whether it is
/// complete, the lap time interpolated at the `LapDistPct` wrap and the `LapLastLapTime` the sim
/// itself reported a second later. Nothing expected here is computed by the code under test.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data (real .ibt files) is absent"))
struct RealLangleyLapTests {
    static let earlyLangley = "rr_skmodified_langley_2015-05-28_14-46-23.ibt"
    static let resetLangley = "rr_skmodified_langley_2015-05-28_14-50-46.ibt"
    static let shortLangley = "rr_skmodified_langley_2015-05-28_14-45-12.ibt"
    static let sebring = "iracingrs_mercedesamggt4_sebring_2025-11-20.ibt"

    /// The team's tolerance for a lap time against the sim's: 5 ms, a third of a 60 Hz frame.
    static let lapTimeTolerance = 0.005

    @Test(arguments: [earlyLangley, resetLangley])
    func completeLapsAreTheManifestsWithTheSimsLapTimes(file: String) throws {
        let session = try RecordedSession(file)
        let expected = session.manifest.laps.filter(\.complete)
        let timed = session.completed.filter(\.isValid)
        #expect(timed.map(\.lapNumber) == expected.map(\.lap))
        #expect(expected.count == 2, "the manifest names two complete laps per file")

        for (lap, oracle) in zip(timed, expected) {
            let lapTime = try #require(lap.lapTime)
            let interpolated = try #require(oracle.lapTimeInterpolated_s)
            let reported = try #require(oracle.lapLastLapTimeReported_s)
            let toInterpolated = (lapTime - interpolated) * 1000
            let toReported = (lapTime - reported) * 1000
            print(String(
                format: "%@ lap %d: %.4f s, %+.2f ms vs interpolated %.4f, %+.2f ms vs sim-reported %.4f",
                file, lap.lapNumber, lapTime, toInterpolated, interpolated, toReported, reported))
            #expect(abs(toInterpolated) < Self.lapTimeTolerance * 1000, "lap \(lap.lapNumber)")
            #expect(abs(toReported) < Self.lapTimeTolerance * 1000, "lap \(lap.lapNumber)")
            // The lap holds exactly the manifest's rows: the line was found between the same frames.
            #expect(lap.frames.first == session.frames[oracle.firstRow], "lap \(lap.lapNumber)")
            #expect(lap.frames.last == session.frames[oracle.lastRow], "lap \(lap.lapNumber)")
            #expect(lap.frames.count == oracle.rows, "lap \(lap.lapNumber)")
        }
    }

    @Test func lapLengthIsWhereTheDistanceWraps() throws {
        // The session says "0.58 km"; LapDist wraps earlier. Whatever length the tracker times with
        // must lie past every frame of a lap and less than one frame's travel beyond its last one.
        let session = try RecordedSession(Self.earlyLangley)
        #expect(session.declaredLength == 580)
        for lap in session.completed.filter(\.isValid) {
            let last = try #require(lap.frames.last)
            let travelPerFrame = Double(last.speed) / 60
            let leftAfterLastFrame = session.lapLength - Double(last.lapDistance)
            #expect(lap.frames.allSatisfy { Double($0.lapDistance) < session.lapLength })
            #expect(leftAfterLastFrame > 0 && leftAfterLastFrame < travelPerFrame, "lap \(lap.lapNumber)")
        }
        print("Langley: declared 580 m, tracker times with \(session.lapLength) m")
    }

    @Test func outLapAndPartialLapAreInvalid() throws {
        let session = try RecordedSession(Self.earlyLangley)
        #expect(session.abandoned.isEmpty)
        let outLap = try #require(session.completed.first)
        #expect(outLap.lapNumber == 173 && outLap.invalidReason == .outLap && outLap.lapTime == nil)
        let partial = try #require(session.partial)
        #expect(partial.lapNumber == 176 && partial.invalidReason == .partial && !partial.isComplete)
        #expect(partial.frames.last == session.frames.last)
        // Row 0 is iRacing's uninitialised `Lap 0` record: in no lap.
        #expect(session.allLaps.allSatisfy { lap in lap.frames.allSatisfy { $0.lapNumber != 0 } })
        #expect(session.allLaps.map(\.frames.count).reduce(0, +) == session.frames.count - 1)
    }

    @Test func resetToThePitsAbandonsLap186() throws {
        let session = try RecordedSession(Self.resetLangley)
        #expect(session.completed.map(\.lapNumber) == [183, 184, 185, 186])
        #expect(session.completed.map(\.invalidReason) == [.outLap, nil, nil, .reset])
        // Lap 186 is abandoned at its last row before the glitch row 3434 ...
        #expect(session.abandoned.count == 1)
        let abandoned = try #require(session.abandoned.first)
        #expect(abandoned.lapNumber == 186 && abandoned.invalidReason == .reset && !abandoned.isComplete)
        #expect(abandoned.frames.last == session.frames[3433])
        // ... and restarted in the pit stall (row 3435): it reaches the line, but untimed.
        let restarted = session.completed[3]
        #expect(restarted.frames.first == session.frames[3435])
        #expect(restarted.isComplete && restarted.lapTime == nil && !restarted.isValid)
        let partial = try #require(session.partial)
        #expect(partial.lapNumber == 187 && partial.invalidReason == .partial)
        // Both `Lap 0` rows (0 and 3434) are dropped, every other row is in exactly one lap.
        #expect(session.allLaps.map(\.frames.count).reduce(0, +) == session.frames.count - 2)
    }

    @Test(arguments: [shortLangley, sebring])
    func recordingsWithoutAFullLapYieldNoCompleteLap(file: String) throws {
        let session = try RecordedSession(file)
        #expect(session.manifest.laps.allSatisfy { !$0.complete })
        #expect(session.completed.isEmpty)
        #expect(session.allLaps.allSatisfy { !$0.isValid && $0.lapTime == nil })
        #expect(session.partial?.invalidReason == .partial)
    }

    @Test(arguments: [earlyLangley, resetLangley])
    func completeLapsResampleToAGridEndingAtTheLapTime(file: String) throws {
        let session = try RecordedSession(file)
        let laps = session.completed.filter(\.isValid)
        #expect(laps.count == 2)
        for lap in laps {
            let lapTime = try #require(lap.lapTime)
            let reference = try session.reference(from: lap)
            let times = reference.time.map(Double.init)
            #expect(reference.count == Int(session.lapLength) + 1)
            #expect(times.first == 0)
            #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 }, "strictly increasing")
            #expect(reference.metadata.lapTime == lapTime)
            // The grid stops at the last whole metre; the rest of the lap is driven at about the
            // speed of the last frame (Float grid times: 1 ms is far above their rounding).
            let last = try #require(times.last)
            let speedAtLine = Double(try #require(lap.frames.last).speed)
            let restOfLap = (session.lapLength - Double(reference.count - 1)) / speedAtLine
            #expect(abs(lapTime - last - restOfLap) < 0.001, "lap \(lap.lapNumber)")
            let tracker = DeltaTracker(reference: reference)
            #expect(abs((tracker.referenceTime(at: session.lapLength) ?? -1) - lapTime) < 1e-4)
        }
    }

    @Test func deltaToLap175EndsLap174AtTheirLapTimeDifference() throws {
        let session = try RecordedSession(Self.earlyLangley)
        let lap174 = try #require(session.completed.first { $0.lapNumber == 174 })
        let lap175 = try #require(session.completed.first { $0.lapNumber == 175 })
        let time174 = try #require(lap174.lapTime)
        let time175 = try #require(lap175.lapTime)
        var delta = DeltaTracker(reference: try session.reference(from: lap175))
        var lastDelta: Double?
        for frame in lap174.frames {
            let sample = delta.update(
                lapDistance: Double(frame.lapDistance), elapsedLapTime: frame.sessionTime - lap174.startTime,
                sessionTime: frame.sessionTime)
            #expect(sample != nil, "every frame of the lap lies on the reference")
            lastDelta = sample?.delta ?? lastDelta
        }
        let final = try #require(lastDelta)
        // The oracle's lap times, not the tracker's: 15.1867 - 15.0998 s.
        let expected = try #require(session.manifest.laps.first { $0.lap == 174 }?.lapTimeInterpolated_s)
            - (try #require(session.manifest.laps.first { $0.lap == 175 }?.lapTimeInterpolated_s))
        print(String(
            format: "delta at the end of lap 174 vs 175: %.4f s; lap time difference %.4f s (tracker %.4f s)",
            final, expected, time174 - time175))
        #expect(abs(final - expected) < Self.lapTimeTolerance)
    }
}

/// One .ibt file run through a `LapTracker`, with its manifest entry.
struct RecordedSession {
    let name: String
    let frames: [TelemetryFrame]
    let manifest: ManifestEntry
    /// `TrackLength` from the session info, metres.
    let declaredLength: Double
    /// The length the tracker timed the laps with (see `LapTracker`).
    let lapLength: Double
    let completed: [LapRecord]
    let abandoned: [LapRecord]
    let partial: LapRecord?

    var allLaps: [LapRecord] { completed + abandoned + (partial.map { [$0] } ?? []) }

    static var directory: URL? { TestData.sharedDataDirectory?.appendingPathComponent("telemetry") }

    init(_ name: String) throws {
        let directory = try #require(Self.directory)
        let file = try IBTFile(contentsOf: directory.appendingPathComponent(name))
        let manifests = try JSONDecoder().decode(
            [String: ManifestEntry].self, from: Data(contentsOf: directory.appendingPathComponent("manifest.json")))
        self.name = name
        manifest = try #require(manifests[name])
        frames = try file.frames()
        declaredLength = try #require(file.sessionInfo.trackLength)
        var tracker = LapTracker(trackLength: declaredLength)
        let events = frames.flatMap { tracker.ingest($0) }
        completed = events.compactMap(\.completed)
        abandoned = events.compactMap(\.abandoned)
        lapLength = tracker.lapLength
        partial = tracker.finish()
    }

    /// The lap on the 1 m grid, over the length the tracker timed it with.
    func reference(from lap: LapRecord) throws -> ReferenceLap {
        let metadata = ReferenceLapMetadata(
            sim: "iracing", track: TrackDescriptor(name: "Langley Speedway", configuration: "", length: lapLength),
            car: "Modified - SK", lapTime: 0, source: "ibt:\(name)#\(lap.lapNumber)", date: "2015-05-28")
        return try ReferenceResampler.resample(
            lapFrames: lap.frames, lapStartTime: lap.startTime, lapEndTime: lap.endTime, trackLength: lapLength,
            metadata: metadata)
    }
}

/// The parts of a `manifest.json` entry these tests use.
struct ManifestEntry: Decodable {
    struct Lap: Decodable {
        let lap: Int32
        let firstRow: Int
        let lastRow: Int
        let rows: Int
        let complete: Bool
        let lapTimeInterpolated_s: Double?
        let lapLastLapTimeReported_s: Double?
    }

    let laps: [Lap]
}

/// The Langley quirk without the real files (runs always): the declared length is a rounded figure
/// and the distance wraps short of it. Frames come from `ConstantSpeedSession`, whose crossing
/// times are known in closed form.
@Suite struct RoundedTrackLengthTests {
    /// Wraps at 576.25 m (0.5 m per frame at 30 m/s, so every Float distance is exact).
    let session = ConstantSpeedSession(trackLength: 576.25, speed: 30, startDistance: 76.5)
    var frames: [TelemetryFrame] { session.frames(seconds: (3.5 * 576.25 - 76.5) / 30) }

    @Test func lapsAreTimedWhereTheDistanceWrapsNotAtTheDeclaredLength() throws {
        var tracker = LapTracker(trackLength: 580)
        let flying = tracker.ingest(all: frames).compactMap(\.completed).filter(\.isValid)
        #expect(flying.count == 2)
        for lap in flying {
            #expect(abs(try #require(lap.lapTime) - session.lapTime) < 1e-6)
        }
        #expect(abs(tracker.lapLength - 576.25) < 1e-3)
        #expect(tracker.trackLength == 580, "the declared length is kept as declared")
    }

    @Test func withoutTheFractionTheDeclaredLengthIsAllThereIs() {
        var tracker = LapTracker(trackLength: 580)
        let withoutFraction = frames.map { frame -> TelemetryFrame in
            var frame = frame
            frame.lapDistanceFraction = .nan
            return frame
        }
        let flying = tracker.ingest(all: withoutFraction).compactMap(\.completed).filter(\.isValid)
        #expect(flying.count == 2)
        #expect(tracker.lapLength == 580)
    }
}
