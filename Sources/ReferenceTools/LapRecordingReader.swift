import Foundation
import Telemetry

/// What the person importing knows better than the file: CSV exports rarely name the track or
/// car, and an .ibt's names may be overridden. Nil fields keep what the file says.
public struct RecordingOverrides: Sendable, Equatable {
    public var sim: String?
    public var track: String?
    public var configuration: String?
    public var car: String?
    /// Metres.
    public var length: Double?

    public init(sim: String? = nil, track: String? = nil, configuration: String? = nil, car: String? = nil, length: Double? = nil) {
        self.sim = sim
        self.track = track
        self.configuration = configuration
        self.car = car
        self.length = length
    }
}

/// Opens a lap file with the reader its extension names (`IBTFile`, `LapCSV`) and says what
/// it holds. The readers stay as they are; this only picks one and fills in the metadata.
public enum LapRecordingReader {
    public static func read(_ url: URL, overrides: RecordingOverrides = .init()) throws(ReferenceToolError) -> LapRecording {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .fileNotFound(path: url.path) }
        var recording: LapRecording
        switch url.pathExtension.lowercased() {
        case "ibt": recording = try readIBT(url)
        case "csv": recording = try readCSV(url)
        default: throw .unsupportedFile(path: url.path)
        }
        if let sim = overrides.sim { recording.sim = sim }
        if let track = overrides.track { recording.track.name = track }
        if let configuration = overrides.configuration { recording.track.configuration = configuration }
        if let car = overrides.car { recording.car = car }
        if let length = overrides.length { recording.track.length = length }
        return recording
    }

    static func readIBT(_ url: URL) throws(ReferenceToolError) -> LapRecording {
        do {
            let file = try IBTFile(contentsOf: url)
            let info = file.sessionInfo
            let track = TrackDescriptor(
                name: info.trackDisplayName ?? info.trackName ?? "", configuration: info.trackConfigName ?? "",
                length: info.trackLength ?? 0)
            return LapRecording(
                sim: "iracing", track: track, car: info.carScreenName ?? "", date: isoDate(file.diskHeader.sessionStartDate),
                fileName: url.lastPathComponent, layout: .stream, frames: try file.frames())
        } catch {
            throw .unreadable(path: url.path, code: error.code, reason: error.description)
        }
    }

    static func readCSV(_ url: URL) throws(ReferenceToolError) -> LapRecording {
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            let frames = try LapCSV.parse(text)
            // The iRacing export is one stream of .ibt rows; the others hold laps one by one.
            let header = text.prefix { $0 != "\n" && $0 != "\r" }
            let isIRacing = header.split(separator: ",").contains("SessionTime")
            let name = url.deletingPathExtension().lastPathComponent
            return LapRecording(
                sim: isIRacing ? "iracing" : "unknown", track: TrackDescriptor(name: name, configuration: "", length: 0),
                car: "", date: "", fileName: url.lastPathComponent, layout: isIRacing ? .stream : .separateLaps, frames: frames)
        } catch let error as CSVError {
            throw .unreadable(path: url.path, code: error.code, reason: error.description)
        } catch {
            throw .unreadable(path: url.path, code: "unreadable", reason: error.localizedDescription)
        }
    }

    /// Seconds since 1970 (the .ibt disk header's session start) as `yyyy-MM-dd` (UTC); "" for 0.
    static func isoDate(_ seconds: Int64) -> String {
        guard seconds > 0 else { return "" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
