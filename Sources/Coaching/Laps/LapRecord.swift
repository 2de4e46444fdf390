import Telemetry

/// One lap as the `LapTracker` cut it from the frame stream.
public struct LapRecord: Sendable {
    /// The sim's lap counter for this lap ("laps started").
    public var lapNumber: Int32
    /// Every accepted frame of the lap, in order (dropped glitch and out-of-order rows excluded),
    /// packed when the tracker has a frame packer.
    public internal(set) var lapFrames: LapFrames
    /// Every accepted frame, unpacked (each read of a packed lap unpacks it).
    public var frames: [TelemetryFrame] {
        get { lapFrames.unpacked() }
        set {
            lapFrames = .plain(newValue)
            extent = LapExtent(newValue)
        }
    }
    /// Where and when the frames lie, kept as they came: what a cut lap reports without
    /// unpacking it (a lap at the frame cap is half a million frames).
    public private(set) var extent: LapExtent
    /// Session time the lap started: the interpolated line crossing, or the first frame of an
    /// out-lap or of a lap started after a reset.
    public var startTime: Double
    /// Interpolated line crossing at the end; nil when the lap did not end at the line.
    public var endTime: Double?
    /// `endTime - startTime` when both ends are line crossings, else nil.
    public var lapTime: Double?
    /// True when the lap ended at the line (it may still be invalid, e.g. an out-lap).
    public var isComplete: Bool
    /// Why the lap must not count (records, references); nil for a valid lap.
    public var invalidReason: LapInvalidReason?

    public init(
        lapNumber: Int32, frames: [TelemetryFrame], startTime: Double, endTime: Double?, lapTime: Double?,
        isComplete: Bool, invalidReason: LapInvalidReason?
    ) {
        self.init(
            lapNumber: lapNumber, lapFrames: .plain(frames), extent: LapExtent(frames), startTime: startTime, endTime: endTime,
            lapTime: lapTime, isComplete: isComplete, invalidReason: invalidReason)
    }

    public init(
        lapNumber: Int32, lapFrames: LapFrames, extent: LapExtent, startTime: Double, endTime: Double?, lapTime: Double?,
        isComplete: Bool, invalidReason: LapInvalidReason?
    ) {
        self.lapNumber = lapNumber
        self.lapFrames = lapFrames
        self.extent = extent
        self.startTime = startTime
        self.endTime = endTime
        self.lapTime = lapTime
        self.isComplete = isComplete
        self.invalidReason = invalidReason
    }

    /// A complete lap with a lap time and no reason against it.
    public var isValid: Bool { isComplete && lapTime != nil && invalidReason == nil }
}

/// Why a lap is invalid. Raw values are stable strings (protocol `invalid_reason`, storage).
public enum LapInvalidReason: String, Sendable, Codable {
    /// The first lap of a session: it started wherever the car was (usually the pit stall).
    case outLap = "out_lap"
    /// Some frame was on pit road or in the pit stall.
    case pitRoad = "pit_road"
    /// The car jumped (reset to the pits, tow, teleport): the lap was abandoned there, and the lap
    /// started after the jump did not start at the line.
    case reset
    /// The session ended (or the connection was lost for good) before the line.
    case partial
    /// Some frame had all four wheels off the track (`TrackSurface.offTrack`).
    case offTrack = "off_track"
    /// Two consecutive frames more than `LapTrackingConfiguration.maximumDataGap` apart: frames
    /// are missing, so the lap cannot serve as a reference or a record.
    case dataGap = "data_gap"
    /// The lap in progress passed `LapTrackingConfiguration.maximumLapFrames` or
    /// `maximumLapDuration` and was ended there; the lap that follows starts where it was cut
    /// (not at the line, so untimed) and carries this reason too.
    case tooLong = "too_long"
}

/// What happened at a frame, in the order it happened.
public enum LapTrackerEvent: Sendable {
    case lapStarted(lapNumber: Int32, startTime: Double)
    /// The lap ended at the line (check `invalidReason` before using it).
    case lapCompleted(LapRecord)
    /// The lap ended away from the line (a reset, or cut for `tooLong`); always invalid.
    case lapAbandoned(LapRecord)
    /// The lap ended (at the line or not) but is a fragment by `LapTrackingConfiguration.fragmentRule`:
    /// it is dropped, its frames never unpacked. Only with a fragment rule.
    case fragmentDiscarded(LapFragment)
}
