import Telemetry

/// One lap of a recording, cut and judged, ready to be listed or turned into a reference.
public struct RecordedLap: Sendable {
    /// The lap number the sim or the export gave it.
    public var number: Int
    public var status: LapStatus
    /// Session time of the start line crossing (or of the first frame when it did not start at
    /// the line); of the finish line crossing, nil when it did not end there.
    public var startTime: Double
    public var endTime: Double?
    /// Seconds from line to line; nil unless the lap began and ended at the line (an in-lap
    /// through the pits has a time, an out-lap has none).
    public var lapTime: Double?
    public var frames: [TelemetryFrame]

    public init(number: Int, status: LapStatus, startTime: Double, endTime: Double?, lapTime: Double?, frames: [TelemetryFrame]) {
        self.number = number
        self.status = status
        self.startTime = startTime
        self.endTime = endTime
        self.lapTime = lapTime
        self.frames = frames
    }
}

extension RecordedLap {
    /// An export's lap as Telemetry's `LapSplitter` cut and judged it.
    init(_ lap: ImportedLap) {
        self.init(
            number: Int(lap.lapNumber), status: LapStatus(lap.invalidReason), startTime: lap.startTime,
            endTime: lap.endTime, lapTime: lap.lapTime, frames: lap.frames)
    }
}
