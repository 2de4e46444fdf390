/// Why a lap CSV cannot be read. `code` is stable for logs and API errors.
public enum CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// No header line.
    case empty
    /// The header matches neither known format.
    case unknownFormat(header: [String])
    /// The header looks like `format` but lacks some of its required columns.
    case missingColumns(format: String, columns: [String])
    /// A data line (1-based, header = line 1) with a different number of fields than the header.
    case wrongFieldCount(line: Int, expected: Int, found: Int)
    /// A field that is not a finite number (or, for lap and gear, not an integer).
    case badNumber(line: Int, column: String, text: String)
    /// A channel in a unit the reader cannot convert (MoTeC's unit row).
    case unsupportedUnit(column: String, unit: String)
    /// The preamble of a format with one (MoTeC) is malformed: `reason` says how.
    case badPreamble(line: Int, reason: String)
    /// The file has a header but no data line.
    case noData

    public var code: String {
        switch self {
        case .unreadable: "unreadable"
        case .empty: "empty"
        case .unknownFormat: "unknown_format"
        case .missingColumns: "missing_columns"
        case .wrongFieldCount: "wrong_field_count"
        case .badNumber: "bad_number"
        case .unsupportedUnit: "unsupported_unit"
        case .badPreamble: "bad_preamble"
        case .noData: "no_data"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .empty: "the file has no header line"
        case .unknownFormat(let header):
            "unknown CSV format (header: \(header.prefix(12).joined(separator: ","))); expected the iRacing lap export "
                + "(SessionTime,Lap,LapDist,Speed,...), the road-lap form (lap,t_s,dist_m,speed_kmh,...), "
                + "Garage 61 (Speed,LapDistPct,...,Brake,Throttle) or a MoTeC CSV export"
        case .missingColumns(let format, let columns): "\(format) CSV lacks columns \(columns.joined(separator: ", "))"
        case .wrongFieldCount(let line, let expected, let found): "line \(line) has \(found) fields, the header \(expected)"
        case .badNumber(let line, let column, let text): "line \(line), column \(column): \"\(text.prefix(40))\" is not a valid number"
        case .unsupportedUnit(let column, let unit): "column \(column) is in \"\(unit.prefix(20))\", a unit this reader cannot convert"
        case .badPreamble(let line, let reason): "line \(line): \(reason)"
        case .noData: "the file has a header but no data lines"
        }
    }
}
