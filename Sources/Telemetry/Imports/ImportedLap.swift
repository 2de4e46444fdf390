/// One lap of an imported recording, cut the way Coaching's `LapRecord` is, so an importer can
/// hand it to `ReferenceResampler.resample(lapFrames:lapStartTime:lapEndTime:...)` unchanged.
public struct ImportedLap: Sendable {
    public var lapNumber: Int32
    /// The lap's frames in order, session time continuous across the file's laps.
    public var frames: [TelemetryFrame]
    /// Session time of the start line crossing (extrapolated from the first frame), or the first
    /// frame's time when the lap did not start at the line.
    public var startTime: Double
    /// Session time of the finish line crossing; nil when the lap did not end at the line.
    public var endTime: Double?
    /// The tool's own lap time when the export states one (MoTeC `Duration`, Garage 61 file
    /// name), else `endTime - startTime`; nil unless the lap runs from line to line, and nil for
    /// a lap with a data gap (its clock may have lost the hole too).
    public var lapTime: Double?
    /// Why the lap must not be used as a reference; nil for a clean timed lap.
    public var invalidReason: ImportedLapProblem?

    public init(
        lapNumber: Int32, frames: [TelemetryFrame], startTime: Double, endTime: Double?, lapTime: Double?,
        invalidReason: ImportedLapProblem?
    ) {
        self.lapNumber = lapNumber
        self.frames = frames
        self.startTime = startTime
        self.endTime = endTime
        self.lapTime = lapTime
        self.invalidReason = invalidReason
    }

    /// Ran from line to line.
    public var isComplete: Bool { endTime != nil && lapTime != nil }
    /// Complete with nothing against it: usable as a reference.
    public var isValid: Bool { isComplete && invalidReason == nil }
}

/// Why an imported lap is not a clean timed lap. Raw values equal Coaching's `LapInvalidReason`
/// for the same cases, so `LapInvalidReason(rawValue: problem.rawValue)` converts.
public enum ImportedLapProblem: String, Sendable, Codable {
    /// The recording's first lap, which did not start at the line (from the pits or mid-lap).
    case outLap = "out_lap"
    /// Some frame was on pit road or in the pit stall (an in-lap or a drive-through).
    case pitRoad = "pit_road"
    /// The car went back further than distance noise allows (a reset or tow).
    case reset
    /// A later lap that did not start at the line, or any lap that did not reach it.
    case partial
    /// Two consecutive frames further apart in time than `LapSplitter.maximumFrameGap`, or
    /// further apart in distance than the car could drive between them (frames lost).
    case dataGap = "data_gap"
}
