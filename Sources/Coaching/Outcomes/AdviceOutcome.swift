/// Whether one cue helped: the corner it named on the laps after it against the lap it was about,
/// in the measurement the cue named and in time through the corner.
public struct AdviceOutcome: Sendable, Equatable, Codable {
    public var cueID: UInt64
    public var corner: Int
    public var topic: Cue.Topic
    public var kind: Cue.Kind
    /// The lap the cue was said on.
    public var lapNumber: Int32
    /// How far from the reference the named measurement was on the lap the cue was about, and on
    /// average on the laps after it, in its unit (metres, km/h, gears); nil for a topic whose
    /// measurement the laps do not keep (consistency, racing line): judged on time alone.
    public var before: Double?
    public var after: Double?
    /// Time lost through the corner (seconds, + = slower than the reference), before and after.
    public var timeBefore: Double?
    public var timeAfter: Double?
    /// The measurement came at least half its threshold closer to the reference, and the corner
    /// got no slower (by more than `AdviceOutcomes.timeTolerance`).
    public var worked: Bool
}

/// A cue not judged yet, and what it waits for (`AdviceOutcomes.waiting`): a session that ends
/// first leaves it unjudged for good, and the reader is told why rather than shown nothing.
public struct WaitingAdvice: Sendable, Equatable, Codable {
    public var cueID: UInt64
    public var corner: Int
    public var topic: Cue.Topic
    public var kind: Cue.Kind
    public var lapNumber: Int32
    /// The valid lap the cue is about measured its corner (false: that lap was invalid, or the
    /// cue came before any valid lap).
    public var aboutLapMeasured: Bool
    /// Valid laps after the cue that measured its corner, of the `lapsNeeded`.
    public var lapsAfter: Int
    public var lapsNeeded: Int
}

/// A cue and the lap it was said on, as the outcome judge reads them.
public struct SaidCue: Sendable, Equatable {
    public var cue: Cue
    public var lapNumber: Int32

    public init(cue: Cue, lapNumber: Int32) {
        self.cue = cue
        self.lapNumber = lapNumber
    }
}

/// A completed lap's corner measurements.
public struct MeasuredLap: Sendable, Equatable {
    public var lapNumber: Int32
    public var isValid: Bool
    public var corners: [CornerMetrics]
    /// nil for an untimed lap.
    public var lapTime: Double?
    /// Lap time minus the reference's, when there was a reference.
    public var deltaToReference: Double?

    public init(lapNumber: Int32, isValid: Bool, corners: [CornerMetrics], lapTime: Double? = nil, deltaToReference: Double? = nil) {
        self.lapNumber = lapNumber
        self.isValid = isValid
        self.corners = corners
        self.lapTime = lapTime
        self.deltaToReference = deltaToReference
    }
}
