import Foundation

/// Reads a lap export from another tool into frames cut into laps: the entry point for
/// `trailbrake reference import` and anything else that takes laps from files.
///
/// The format is recognised from the content (docs/telemetry-formats.md): a MoTeC preamble, or
/// the header of the iRacing lap CSV, the normalised road-lap CSV or Garage 61's CSV.
public enum LapExport {
    /// - Parameter trackLength: metres, when the caller knows it (a reference's track); needed
    ///   for Garage 61 files to turn `LapDistPct` into metres exactly, measured otherwise.
    public static func read(_ url: URL, trackLength: Double? = nil) throws(CSVError) -> ImportedSession {
        let text: String
        do {
            let data = try Data(contentsOf: url)
            // MoTeC i2 on Windows writes Windows-1252 ("°" in units): read that when it is not UTF-8.
            text = String(data: data, encoding: .utf8) ?? String(data: data, encoding: .windowsCP1252) ?? ""
        } catch {
            throw .unreadable(path: url.path, reason: error.localizedDescription)
        }
        return try parse(text, fileName: url.lastPathComponent, trackLength: trackLength)
    }

    /// - Parameter fileName: Garage 61 puts driver, car, track and lap time in it.
    public static func parse(_ text: String, fileName: String = "", trackLength: Double? = nil) throws(CSVError) -> ImportedSession {
        let lines = CSVLine.split(text)
        guard !lines.isEmpty else { throw .empty }
        if MoTeCCSV.isMoTeC(lines) {
            let motec = try MoTeCCSV.read(lines)
            let metadata = motec.preamble.metadata
            let length = trackLength ?? metadata.trackLength ?? motec.lapLength
            return session(.motecCSV, metadata, motec.frames, length, motec.statedLapTimes)
        }
        let table = try CSVTable(lines: lines)
        guard table.rowCount > 0 else { throw .noData }
        if table.index(of: "SessionTime") != nil {
            let frames = try IRacingLapColumns(table).frames(table)
            return session(.iRacingLapCSV, ImportedSessionMetadata(sim: "iracing"), frames, trackLength, [:])
        }
        if table.index(of: "t_s") != nil || table.index(of: "speed_kmh") != nil {
            return session(.roadLapCSV, ImportedSessionMetadata(), try RoadLapColumns(table).frames(table), trackLength, [:])
        }
        if table.index(of: "LapDistPct") != nil, table.index(of: "Speed") != nil {
            let (frames, length) = try Garage61CSV.frames(table, trackLength: trackLength)
            var (metadata, lapTime) = Garage61CSV.metadata(fileName: fileName)
            metadata.trackLength = trackLength
            return session(.garage61CSV, metadata, frames, length, lapTime.map { [1: $0] } ?? [:])
        }
        throw .unknownFormat(header: table.columns)
    }

    private static func session(
        _ format: LapExportFormat, _ metadata: ImportedSessionMetadata, _ frames: [TelemetryFrame],
        _ lapLength: Double?, _ statedLapTimes: [Int32: Double]
    ) -> ImportedSession {
        let (laps, length) = LapSplitter.split(frames, lapLength: lapLength, statedLapTimes: statedLapTimes)
        return ImportedSession(format: format, metadata: metadata, frames: frames, laps: laps, lapLength: length)
    }
}
