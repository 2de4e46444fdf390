/// Why a track line (a TUMFTM race line or centre line) cannot be read. `code` is stable.
public enum TrackGeometryError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    /// No header line.
    case empty
    /// The header is not `# x_m,y_m[,...]`.
    case unknownHeader(String)
    /// A data line (1-based, header = line 1) with a different number of fields than the header.
    case wrongFieldCount(line: Int, expected: Int, found: Int)
    /// A field that is not a finite number.
    case badNumber(line: Int, column: String, text: String)
    /// Fewer distinct points than a closed line needs.
    case tooFewPoints(Int)
    /// A coordinate beyond `TrackLine.maximumCoordinate` (point index, 0-based).
    case coordinateOutOfRange(index: Int)
    /// The last point is far from the first: the line is not a closed circuit.
    case notClosed(gap: Double, spacing: Double)
    /// The closed line is longer than `TrackLine.maximumLength` metres.
    case tooLong(length: Double)

    public var code: String {
        switch self {
        case .unreadable: "unreadable"
        case .empty: "empty"
        case .unknownHeader: "unknown_header"
        case .wrongFieldCount: "wrong_field_count"
        case .badNumber: "bad_number"
        case .tooFewPoints: "too_few_points"
        case .coordinateOutOfRange: "coordinate_out_of_range"
        case .notClosed: "not_closed"
        case .tooLong: "too_long"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .empty: "the file has no header line"
        case .unknownHeader(let header): "header \"\(header.prefix(80))\" is not \"# x_m,y_m[,...]\""
        case .wrongFieldCount(let line, let expected, let found): "line \(line) has \(found) fields, the header \(expected)"
        case .badNumber(let line, let column, let text): "line \(line), column \(column): \"\(text.prefix(40))\" is not a finite number"
        case .tooFewPoints(let count): "a closed track line needs at least \(TrackLine.minimumPointCount) distinct points, has \(count)"
        case .coordinateOutOfRange(let index): "point \(index) lies more than \(Int(TrackLine.maximumCoordinate)) m from the origin"
        case .notClosed(let gap, let spacing):
            "the last point is \(Int(gap.rounded())) m from the first, but points are \(Int(spacing.rounded())) m apart: not a closed line"
        case .tooLong(let length):
            "the line is \(Int(length.rounded())) m long; no track is longer than \(Int(TrackLine.maximumLength)) m"
        }
    }
}
