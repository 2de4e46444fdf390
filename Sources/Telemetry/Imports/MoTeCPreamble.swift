/// The key/value block MoTeC i2 writes before the channels of a "CSV File" export:
/// `"Venue","fs_uk_endurance",,,"Worksheet","Worksheet"` — two pairs a line, values in
/// fields 1 and 5, units (when any) in fields 2 and 6.
struct MoTeCPreamble {
    private(set) var values: [String: String] = [:]

    init(_ lines: some Sequence<CSVLine>) {
        for line in lines {
            let fields = line.fields.map { String($0).trimmingWhitespace() }
            for keyIndex in [0, 4] where keyIndex + 1 < fields.count && !fields[keyIndex].isEmpty {
                values[fields[keyIndex]] = fields[keyIndex + 1]
            }
        }
    }

    subscript(key: String) -> String? { values[key].flatMap { $0.isEmpty ? nil : $0 } }

    func number(_ key: String) -> Double? { self[key].flatMap(Double.init).flatMap { $0.isFinite ? $0 : nil } }

    /// "Lap 3" → 3 when the export covers one lap; nil for "Session", "Outing" or a time range.
    var singleLap: Int32? {
        guard let range = self["Range"], range.hasPrefix("Lap ") else { return nil }
        return Int32(String(range.dropFirst(4)).trimmingWhitespace())
    }

    /// Session times (s) of the lap beacons in the export, e.g. "00.000  58.123  115.456".
    var beaconTimes: [Double] {
        (self["Beacon Markers"] ?? "").split(separator: " ").compactMap { Double($0) }.filter(\.isFinite)
    }

    /// "30/10/2022" + "19:49:00" → "2022-10-30T19:49:00" (MoTeC writes day/month/year).
    var isoDate: String? {
        guard let date = self["Log Date"] else { return nil }
        let parts = date.split(separator: "/")
        guard parts.count == 3, parts.allSatisfy({ Int($0) != nil }) else { return nil }
        let day = parts[0].count == 1 ? "0" + parts[0] : String(parts[0])
        let month = parts[1].count == 1 ? "0" + parts[1] : String(parts[1])
        let time = self["Log Time"].map { "T" + $0 } ?? ""
        return "\(parts[2])-\(month)-\(day)\(time)"
    }

    var metadata: ImportedSessionMetadata {
        var trackLength: Double?
        if singleLap != nil, let start = number("Start Distance"), let end = number("End Distance"), end > start {
            trackLength = end - start
        }
        return ImportedSessionMetadata(
            track: self["Venue"], trackLength: trackLength, car: self["Vehicle"], driver: self["Driver"],
            sessionType: self["Session"], date: isoDate)
    }
}
