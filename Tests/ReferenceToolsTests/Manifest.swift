import Foundation
import Testing
import TestSupport

/// The lap table of `shared/data/telemetry/manifest.json`, made by an independent reader: the
/// oracle for lap numbers, completeness and the lap times iRacing itself reported.
struct Manifest {
    struct Lap: Decodable {
        let lap: Int
        let complete: Bool
        let onPitRoadAnyRow: Bool
        let lapTimeInterpolated_s: Double?
        let lapLastLapTimeReported_s: Double?
    }

    struct Entry: Decodable {
        let laps: [Lap]
    }

    static var telemetryDirectory: URL? { TestData.sharedDataDirectory?.appendingPathComponent("telemetry") }

    static func entry(_ file: String) throws -> Entry {
        let url = try #require(telemetryDirectory).appendingPathComponent("manifest.json")
        let all = try JSONDecoder().decode([String: Entry].self, from: Data(contentsOf: url))
        return try #require(all[file])
    }

    /// The team's tolerance for a lap time against the sim's: 5 ms, a third of a 60 Hz frame.
    static let lapTimeTolerance = 0.005

    static let earlyLangley = "rr_skmodified_langley_2015-05-28_14-46-23.ibt"
    static let resetLangley = "rr_skmodified_langley_2015-05-28_14-50-46.ibt"
}
