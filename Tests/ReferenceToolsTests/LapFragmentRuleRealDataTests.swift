import Coaching
import Foundation
import ReferenceTools
import Telemetry
import TestSupport
import Testing

/// The fragment rule (`LapFragmentRule`) on every real lap in ../shared/data: each lap a sim or
/// an export timed, each out-lap, each partial or reset lap past a quarter of the track is a lap;
/// what the rule drops are exactly the short pieces at the ends of recordings and after a reset.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"))
struct LapFragmentRuleRealDataTests {
    static let recordings = TestData.lapRecordings

    struct Judged: CustomStringConvertible {
        let lap: RecordedLap
        let extent: LapExtent
        let coverage: Double
        let fragment: LapFragmentReason?

        var description: String {
            String(
                format: "lap %d %@: %d frames, %.0f %% of the lap, %.1f s -> %@", lap.number, lap.status.label,
                extent.frameCount, coverage * 100, extent.duration, fragment?.rawValue ?? "a lap")
        }
    }

    static func judged(_ path: String) throws -> [Judged] {
        let url = try #require(TestData.sharedDataDirectory).appendingPathComponent(path)
        let cut = try RecordingLapCutter.cut(try LapRecordingReader.read(url))
        return cut.laps.map { lap in
            let extent = LapExtent(lap.frames)
            return Judged(
                lap: lap, extent: extent, coverage: extent.distanceCovered / cut.lapLength,
                fragment: LapFragmentRule().fragmentReason(of: extent, lapLength: cut.lapLength))
        }
    }

    /// The pieces the rule drops, by file and lap number (`LapFragmentRule`'s comment has their
    /// coverage): a recording's first or last seconds, and what is left of a lap after a reset.
    static let expectedFragments: [String: [Int]] = [
        "rr_skmodified_langley_2015-05-28_14-45-12.ibt": [172],  // 4 %: the recording starts at the line
        "iracingrs_mercedesamggt4_sebring_2025-11-20.ibt": [8, 8],  // 18 % before a reset, 0 % after it
        "teamjorge_mercedesw13_redbullring_2024-06-24_valid.ibt": [9],  // the last 6.5 s, standing in the pits
    ]

    @Test(arguments: recordings)
    func everyTimedLapAndEveryLapPastAQuarterIsALap(path: String) throws {
        let laps = try Self.judged(path)
        let file = (path as NSString).lastPathComponent
        for judged in laps { print("\(file) \(judged)") }
        for judged in laps where judged.lap.lapTime != nil || judged.lap.status == .valid {
            #expect(judged.fragment == nil, "a timed lap judged a fragment: \(judged)")
        }
        for judged in laps where judged.coverage >= 0.25 {
            #expect(judged.fragment == nil, "real driving over a quarter of the lap judged a fragment: \(judged)")
        }
        #expect(laps.filter { $0.fragment != nil }.map(\.lap.number) == (Self.expectedFragments[file] ?? []))
    }
}
