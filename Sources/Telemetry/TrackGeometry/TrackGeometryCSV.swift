import Foundation

/// Reads the TUMFTM racetrack-database files: `racelines/<Track>.csv` (`# x_m,y_m`) and
/// `tracks/<Track>.csv` (`# x_m,y_m,w_tr_right_m,w_tr_left_m`). Both hold a closed line in a
/// local metric frame, about 5 m between points, with the first point not repeated at the end.
/// Only x and y are used; further columns must be present on every line but are not read.
public enum TrackGeometryCSV {
    public static func read(from url: URL) throws(TrackGeometryError) -> TrackLine {
        let text: String
        do {
            text = try String(contentsOf: url, encoding: .utf8)
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try parse(text)
    }

    public static func parse(_ text: String) throws(TrackGeometryError) -> TrackLine {
        // `isNewline` also splits "\r\n", which Swift holds as one character.
        var columns: [String]?
        var points: [TrackLine.Point] = []
        for (offset, rawLine) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !line.isEmpty else { continue }
            guard let header = columns else {
                columns = try headerColumns(line)
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
            guard fields.count == header.count else {
                throw .wrongFieldCount(line: offset + 1, expected: header.count, found: fields.count)
            }
            points.append(TrackLine.Point(
                x: try number(fields[0], line: offset + 1, column: header[0]),
                y: try number(fields[1], line: offset + 1, column: header[1])))
        }
        guard columns != nil else { throw .empty }
        return try TrackLine(closedPoints: points)
    }

    /// `# x_m,y_m,...` with x and y first, as both TUMFTM layouts have it.
    static func headerColumns(_ line: String) throws(TrackGeometryError) -> [String] {
        guard line.hasPrefix("#") else { throw .unknownHeader(line) }
        let names = line.dropFirst().split(separator: ",", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard names.count >= 2, names[0] == "x_m", names[1] == "y_m" else { throw .unknownHeader(line) }
        return names
    }

    static func number(_ field: Substring, line: Int, column: String) throws(TrackGeometryError) -> Double {
        let text = field.trimmingCharacters(in: .whitespaces)
        guard let value = Double(text), value.isFinite else { throw .badNumber(line: line, column: column, text: text) }
        return value
    }
}
