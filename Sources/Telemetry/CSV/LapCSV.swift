import Foundation

/// Reads recorded laps from CSV into frames. Two formats are recognised by their header:
///
/// - the iRacing lap export (shared/data/telemetry/derived): one column per .ibt channel,
///   `SessionTime,Lap,LapDist,LapDistPct,Speed,Throttle,Brake,Clutch,SteeringWheelAngle,Gear,RPM,
///   Lat,Lon,LatAccel,LongAccel,YawRate,OnPitRoad,...`, already in protocol units;
/// - the normalised road-lap form (shared/data/telemetry-road/*/derived):
///   `[seq,]lap,t_s,dist_m,[dist_ref_m|dist_pct,]speed_kmh,throttle,brake,gear,steer_deg|steer_rad,
///   rpm,...` with speed in km/h and pedals already 0...1 (checked against every file there).
///
/// Unknown extra columns are ignored; an empty field means the channel is absent in that row.
public enum LapCSV {
    public static func read(_ url: URL) throws(CSVError) -> [TelemetryFrame] {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try parse(text)
    }

    public static func parse(_ text: String) throws(CSVError) -> [TelemetryFrame] {
        let table = try CSVTable(text: text)
        if table.index(of: "SessionTime") != nil {
            return try IRacingLapColumns(table).frames(table)
        }
        if table.index(of: "t_s") != nil || table.index(of: "speed_kmh") != nil {
            return try RoadLapColumns(table).frames(table)
        }
        throw .unknownFormat(header: table.columns)
    }

    /// Finds each required column or reports every missing one at once.
    static func requireColumns(_ names: [String], in table: CSVTable, format: String) throws(CSVError) -> [Int] {
        let found = names.map { table.index(of: $0) }
        let missing = zip(names, found).filter { $0.1 == nil }.map(\.0)
        guard missing.isEmpty else { throw .missingColumns(format: format, columns: missing) }
        return found.compactMap { $0 }
    }

    /// An integral value that fits `T`, or `badNumber`.
    static func integer<T: FixedWidthInteger>(_ value: Double, line: Int, column: String) throws(CSVError) -> T {
        guard let exact = T(exactly: value) else { throw .badNumber(line: line, column: column, text: "\(value)") }
        return exact
    }
}
