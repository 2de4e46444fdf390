import Foundation

/// Where the shared, unlicensed real data lives (never copied into the repository).
public enum TestData {
    /// `../shared/data` beside the repository, or `TRAILBRAKE_SHARED_DATA` when set.
    public static var sharedDataDirectory: URL? {
        if let override = ProcessInfo.processInfo.environment["TRAILBRAKE_SHARED_DATA"] {
            let url = URL(fileURLWithPath: override)
            return FileManager.default.fileExists(atPath: url.path) ? url : nil
        }
        let repository = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let url = repository.deletingLastPathComponent().appendingPathComponent("shared/data")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }

    /// The package root, for tests that read ReferenceLaps/ or config/.
    public static var packageRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Every telemetry recording in ../shared/data that holds laps, by path under it: the .ibt
    /// files and the exports (AC MoTeC, GT7, Ocypode) as their derived CSVs. The live
    /// shared-memory dump (`telemetry/live/`) is one instant of three rows, no lap.
    public static let lapRecordings = [
        "telemetry/rr_skmodified_langley_2015-05-28_14-45-12.ibt",
        "telemetry/rr_skmodified_langley_2015-05-28_14-46-23.ibt",
        "telemetry/rr_skmodified_langley_2015-05-28_14-50-46.ibt",
        "telemetry/iracingrs_mercedesamggt4_sebring_2025-11-20.ibt",
        "telemetry/teamjorge_mercedesw13_redbullring_2024-06-24_valid.ibt",
        "telemetry-road/ac-acti-motec-fsuk/derived/fsuk_endurance_mftc3_laps.csv",
        "telemetry-road/gt7-gt7dashboard/derived/gt7_brandshatch_indy_laps.csv",
        "telemetry-road/gt7-gt7dashboard/derived/gt7_broadbean_laps.csv",
        "telemetry-road/gt7-gt7dashboard/derived/gt7_redbullring_laps.csv",
        "telemetry-road/gt7-gt7dashboard/derived/gt7_tsukuba_laps.csv",
        "telemetry-road/iracing-ocypode-summitpoint/derived/summit_point_laps.csv",
    ]
}
