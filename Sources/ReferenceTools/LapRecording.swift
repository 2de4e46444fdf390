import Foundation
import Telemetry

/// Everything a lap file says: where and in what it was driven, and its frames in order.
public struct LapRecording: Sendable {
    public enum Layout: Sendable {
        /// One continuous stream (an .ibt): laps are found by the live path's `LapTracker` from
        /// line crossings, so they are timed exactly as live.
        case stream
        /// Laps of a CSV export (MoTeC, Garage 61, iRacing lap CSV, normalised road CSVs), cut
        /// and judged by `LapExport` (Telemetry's `LapSplitter`); `lapLength` in metres.
        case exportedLaps([ImportedLap], lapLength: Double)
    }

    public var sim: String
    /// Name and configuration as a client would report them; `length` is the declared length
    /// (metres), or 0 when the file does not say.
    public var track: TrackDescriptor
    public var car: String
    /// ISO 8601 date the recording was made, "" when unknown.
    public var date: String
    /// The file name, for `source` (`ibt:<file>#<lap>`, `csv:<file>#<lap>`).
    public var fileName: String
    public var layout: Layout
    public var frames: [TelemetryFrame]

    public init(sim: String, track: TrackDescriptor, car: String, date: String, fileName: String, layout: Layout, frames: [TelemetryFrame]) {
        self.sim = sim
        self.track = track
        self.car = car
        self.date = date
        self.fileName = fileName
        self.layout = layout
        self.frames = frames
    }

    /// `ibt:<file>#<lap>` or `csv:<file>#<lap>`.
    public func source(lap: Int) -> String {
        let kind = fileName.lowercased().hasSuffix(".ibt") ? "ibt" : "csv"
        return "\(kind):\(fileName)#\(lap)"
    }
}
