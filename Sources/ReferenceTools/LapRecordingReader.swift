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

/// Opens a lap file with the reader that owns its format and says what it holds: `.ibt` through
/// `IBTFile`, every CSV form through Telemetry's `LapExport` (MoTeC, Garage 61, iRacing lap CSV,
/// normalised road CSVs), so a format is read one way everywhere. Overrides win over the file.
public enum LapRecordingReader {
    public static func read(_ url: URL, overrides: RecordingOverrides = .init()) throws(ReferenceToolError) -> LapRecording {
        guard FileManager.default.fileExists(atPath: url.path) else { throw .fileNotFound(path: url.path) }
        var recording: LapRecording
        switch url.pathExtension.lowercased() {
        case "ibt": recording = try readIBT(url)
        case "csv": recording = try readExport(url, trackLength: overrides.length)
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

    /// The session facts the export states; the track is named after the file when it says none.
    /// Every form, the iRacing lap CSV included, is cut and judged by `LapExport`: an export of
    /// one lap has no frame before its line, so the live tracker would call it incomplete, while
    /// `LapExport` times .ibt lap 175's export within one 60 Hz frame of iRacing's 15.099 s.
    static func readExport(_ url: URL, trackLength: Double?) throws(ReferenceToolError) -> LapRecording {
        let session: ImportedSession
        do {
            session = try LapExport.read(url, trackLength: trackLength)
        } catch {
            throw .unreadable(path: url.path, code: error.code, reason: error.description)
        }
        let facts = session.metadata
        let track = TrackDescriptor(
            name: facts.track ?? url.deletingPathExtension().lastPathComponent, configuration: facts.trackConfiguration ?? "",
            length: facts.trackLength ?? 0)
        return LapRecording(
            sim: facts.sim ?? "unknown", track: track, car: facts.car ?? "", date: facts.date ?? "",
            fileName: url.lastPathComponent, layout: .exportedLaps(session.laps, lapLength: session.lapLength),
            frames: session.frames)
    }

    /// Seconds since 1970 (the .ibt disk header's session start) as `yyyy-MM-dd` (UTC); "" for 0.
    static func isoDate(_ seconds: Int64) -> String {
        guard seconds > 0 else { return "" }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds)))
    }
}
