import Coaching
import Telemetry

/// Cuts a recording into laps and measures the length of the lap (the grid every reference
/// of the file is put on). It judges nothing itself: a stream goes through the live
/// `LapTracker`, an export's laps were already judged by Telemetry's `LapSplitter`.
public enum RecordingLapCutter {
    public struct Result: Sendable {
        public var laps: [RecordedLap]
        /// Metres: where the distance channel wraps (streams) or the laps' common length
        /// (exported laps).
        public var lapLength: Double
    }

    public static func cut(_ recording: LapRecording, configuration: LapTrackingConfiguration = .init()) throws(ReferenceToolError) -> Result {
        switch recording.layout {
        case .stream: return try stream(recording, configuration: configuration)
        case .exportedLaps(let laps, let lapLength):
            guard !laps.isEmpty else { throw .noLaps(path: recording.fileName) }
            guard lapLength > 0 else { throw .unknownTrackLength(path: recording.fileName) }
            return Result(laps: laps.map(RecordedLap.init), lapLength: lapLength)
        }
    }

    /// The live path's own `LapTracker`, so an imported lap is cut and timed exactly as the
    /// same lap driven live would be (manifest lap times within 5 ms on the real .ibt files).
    static func stream(_ recording: LapRecording, configuration: LapTrackingConfiguration) throws(ReferenceToolError) -> Result {
        var declared = recording.track.length
        if !(declared > 0) {
            // No declared length (an .ibt whose session info lacks it, or a stream built in
            // code): the farthest distance seen is the lap's length to within one frame; the
            // tracker refines it from LapDistPct.
            declared = Double(recording.frames.lazy.map(\.lapDistance).filter(\.isFinite).max() ?? 0)
        }
        guard declared > 0 else { throw .unknownTrackLength(path: recording.fileName) }
        var tracker = LapTracker(trackLength: declared, configuration: configuration)
        var laps: [RecordedLap] = []
        func add(_ record: LapRecord) {
            guard !record.frames.isEmpty else { return }
            laps.append(RecordedLap(
                number: Int(record.lapNumber), status: LapStatus(record.invalidReason), startTime: record.startTime,
                endTime: record.endTime, lapTime: record.lapTime, frames: record.frames))
        }
        for frame in recording.frames {
            for event in tracker.ingest(frame) {
                switch event {
                case .lapCompleted(let record), .lapAbandoned(let record): add(record)
                case .lapStarted, .fragmentDiscarded: break
                }
            }
        }
        if let partial = tracker.finish() { add(partial) }
        guard !laps.isEmpty else { throw .noLaps(path: recording.fileName) }
        return Result(laps: laps, lapLength: tracker.lapLength)
    }
}
