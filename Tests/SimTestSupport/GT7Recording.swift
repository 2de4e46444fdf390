import Foundation
import TestSupport

/// Real GT7 laps recorded by gt7dashboard (../shared/data/telemetry-road/gt7-gt7dashboard, GPL:
/// read from there in tests, never copied into the repository): one row per 60 Hz packet, and
/// the game's own lap times from the dataset's summary.
public struct GT7Recording: Sendable {
    public struct Row: Sendable {
        /// Lap index in driving order (the dataset's `seq`) and the game's lap number.
        public var seq: Int
        public var lap: Int
        public var speedKmh: Double
        public var throttle: Double
        public var brake: Double
        public var gear: Int?
        public var rpm: Double?
        public var x: Double, y: Double, z: Double
        /// Distance projected on the dataset's reference lap, metres (the dataset's own derivation).
        public var referenceDistance: Double
    }

    public struct Lap: Sendable {
        public var seq: Int
        public var lap: Int
        /// The game's lap time, seconds (its own last-lap field, in ms).
        public var gameTime: Double
    }

    public var rows: [Row]
    public var laps: [Lap]
    public var carCode: Int32

    /// Brands Hatch Indy: 10 laps of an Alfa Romeo 155 (car 365); lap 1 has a reset, lap 3 a big moment.
    public static let brandsHatch = "gt7_brandshatch_indy_laps.csv"

    static var directory: URL? {
        TestData.sharedDataDirectory?.appendingPathComponent("telemetry-road/gt7-gt7dashboard/derived")
    }

    public static let missingReason = "skipped: ../shared/data/telemetry-road/gt7-gt7dashboard is absent (real GT7 laps, GPL, never copied here)"

    /// The recording, or nil when the shared data is absent.
    public static func load(_ file: String = brandsHatch) throws -> GT7Recording? {
        guard let directory, FileManager.default.fileExists(atPath: directory.appendingPathComponent(file).path) else { return nil }
        let text = try String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline)  // CRLF: one Character, not split by "\\n"
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        let (seq, lap, speed, throttle, brake, gear, rpm, x, y, z, ref) = (
            column("seq"), column("lap"), column("speed_kmh"), column("throttle"), column("brake"), column("gear"),
            column("rpm"), column("x_m"), column("y_m"), column("z_m"), column("dist_ref_m"))
        let rows = lines.map { line -> Row in
            let f = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return Row(
                seq: Int(f[seq])!, lap: Int(f[lap])!, speedKmh: Double(f[speed])!, throttle: Double(f[throttle])!,
                brake: Double(f[brake])!, gear: Int(f[gear]), rpm: Double(f[rpm]), x: Double(f[x])!, y: Double(f[y])!,
                z: Double(f[z])!, referenceDistance: Double(f[ref]) ?? .nan)
        }
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: directory.appendingPathComponent("summary.json")))
        let tracks = (summary as! [String: Any])["tracks"] as! [[String: Any]]
        let track = tracks.first { ($0["derived_csv"] as? String)?.hasSuffix(file) == true }!
        let laps = (track["laps"] as! [[String: Any]]).map {
            Lap(seq: $0["seq"] as! Int, lap: $0["lap"] as! Int, gameTime: $0["lap_time_game_s"] as! Double)
        }
        let car = (track["car"] as? String).flatMap { $0.split(separator: "car_id ").last.flatMap { Int32($0.prefix { $0.isNumber }) } }
        return GT7Recording(rows: rows, laps: laps, carCode: car ?? 0)
    }

    public func rows(ofSeq seq: Int) -> ArraySlice<Row> {
        let start = rows.firstIndex { $0.seq == seq } ?? rows.endIndex
        let end = rows[start...].firstIndex { $0.seq != seq } ?? rows.endIndex
        return rows[start..<end]
    }
}
