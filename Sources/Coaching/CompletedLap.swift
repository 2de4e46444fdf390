import Telemetry

/// A lap the driver finished (or abandoned), with everything storage and the client need.
public struct CompletedLap: Sendable {
    public var lapNumber: Int32
    /// Seconds, interpolated at the start/finish line at both ends. Nil for partial laps.
    public var lapTime: Double?
    /// False for out-laps, in-laps, partial laps, resets and off-track laps.
    public var isValid: Bool
    /// Why the lap is not valid ("out_lap", "pit_road", "reset", "partial", "off_track"), nil when valid.
    public var invalidReason: String?
    /// Lap time minus the reference lap time, seconds; nil without a reference or lap time.
    public var deltaToReference: Double?
    /// Every frame of the lap in order; packed as the live coach held them when it packed them,
    /// so the lap store can keep them so.
    public var lapFrames: LapFrames
    /// Every frame of the lap in order, unpacked (each read of a packed lap unpacks it).
    public var frames: [TelemetryFrame] {
        get { lapFrames.unpacked() }
        set { lapFrames = .plain(newValue) }
    }
    /// Per-corner measurements against the reference.
    public var corners: [CornerMetrics]
    /// Braking zones found on this lap.
    public var brakingZones: [BrakingZone]

    public init(
        lapNumber: Int32, lapTime: Double?, isValid: Bool, invalidReason: String?, deltaToReference: Double?,
        frames: [TelemetryFrame], corners: [CornerMetrics], brakingZones: [BrakingZone]
    ) {
        self.init(
            lapNumber: lapNumber, lapTime: lapTime, isValid: isValid, invalidReason: invalidReason,
            deltaToReference: deltaToReference, lapFrames: .plain(frames), corners: corners, brakingZones: brakingZones)
    }

    public init(
        lapNumber: Int32, lapTime: Double?, isValid: Bool, invalidReason: String?, deltaToReference: Double?,
        lapFrames: LapFrames, corners: [CornerMetrics], brakingZones: [BrakingZone]
    ) {
        self.lapNumber = lapNumber
        self.lapTime = lapTime
        self.isValid = isValid
        self.invalidReason = invalidReason
        self.deltaToReference = deltaToReference
        self.lapFrames = lapFrames
        self.corners = corners
        self.brakingZones = brakingZones
    }
}
