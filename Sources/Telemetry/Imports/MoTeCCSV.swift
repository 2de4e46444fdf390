/// MoTeC i2's "CSV File" export (docs/telemetry-formats.md): a preamble of session facts, blank
/// lines, a row of channel names, a row of units, then one quoted line per sample.
///
/// Channels are found by the names i2 and the sim plugins commonly use and converted by their
/// unit row. Laps: a `Lap Number` channel when present, else the beacon markers split the time
/// line, and an export of one lap ("Range: Lap N") is lap N with the preamble's `Duration` as its
/// lap time. Time and distance are the export's own (distance restarts at every lap).
enum MoTeCCSV {
    static let format = "MoTeC"

    static func isMoTeC(_ lines: [CSVLine]) -> Bool {
        guard let first = lines.first?.fields, first.count >= 2 else { return false }
        return first[0] == "Format" && first[1].contains("MoTeC")
    }

    /// `lapLength`: the median distance between consecutive beacons, when two or more lie inside.
    static func read(_ lines: [CSVLine]) throws(CSVError) -> (
        frames: [TelemetryFrame], preamble: MoTeCPreamble, statedLapTimes: [Int32: Double], lapLength: Double?
    ) {
        guard let headerAt = lines.firstIndex(where: { $0.fields.first == "Time" }) else {
            throw .badPreamble(line: lines.last?.number ?? 1, reason: "no channel-name line starting with \"Time\" after the MoTeC preamble")
        }
        guard headerAt + 1 < lines.count else { throw .badPreamble(line: lines[headerAt].number, reason: "the unit line is missing") }
        let preamble = MoTeCPreamble(lines[..<headerAt])
        let units = lines[headerAt + 1].fields.map { String($0).trimmingWhitespace() }
        let table = try CSVTable(lines: [lines[headerAt]] + lines[(headerAt + 2)...])
        guard table.rowCount > 0 else { throw .noData }
        let columns = try MoTeCColumns(table, units: units)
        var frames = try columns.frames(table)
        var stated: [Int32: Double] = [:]
        var lapLength: Double?
        if columns.lap == nil {
            let lengths = assignLaps(&frames, beacons: preamble.beaconTimes, firstLap: preamble.singleLap ?? 1)
            if let single = preamble.singleLap, lengths.isEmpty, let duration = preamble.number("Duration") { stated[single] = duration }
            if !lengths.isEmpty { lapLength = lengths.sorted()[lengths.count / 2] }
        }
        return (frames, preamble, stated, lapLength)
    }

    /// Numbers laps from `firstLap` at each beacon strictly inside the recording and restarts the
    /// distance at each lap start; returns the lengths of the laps that lie between two beacons
    /// (MoTeC's distance is cumulative, so those are exact).
    private static func assignLaps(_ frames: inout [TelemetryFrame], beacons: [Double], firstLap: Int32) -> [Double] {
        guard let start = frames.first?.sessionTime, let end = frames.last?.sessionTime else { return [] }
        let splits = beacons.filter { $0 > start && $0 < end }.sorted()
        var lap = 0
        var lapStartDistance = frames.first.map { $0.lapDistance } ?? 0
        var lengths: [Double] = []
        for index in frames.indices {
            if lap < splits.count, frames[index].sessionTime >= splits[lap] {
                if lap > 0 { lengths.append(Double(frames[index].lapDistance - lapStartDistance)) }
                lap += 1
                lapStartDistance = frames[index].lapDistance
            }
            frames[index].lapNumber = firstLap &+ Int32(lap)
            frames[index].lapDistance -= lapStartDistance
        }
        return lengths
    }
}
