/// What the coaching engine tells the server after it has seen some frames. The server turns each
/// event into a protocol message (`cue`, `delta`, `lap`) and hands completed laps to storage.
public enum CoachingEvent: Sendable {
    case cue(Cue)
    case delta(DeltaSample)
    case lapCompleted(CompletedLap)
    /// The reference changed (for example the driver beat their own best lap).
    case referenceChanged(ReferenceChoice)
    /// The tracker cut a lap that is not a lap (`LapFragmentRule`): nothing to store or report.
    case lapDiscarded(LapFragment)
    /// The lap in progress passed the lap cap and was ended there (`LapInvalidReason.tooLong`);
    /// its `lapCompleted` (an invalid lap) or `lapDiscarded` (a fragment) follows at once.
    case lapCut(LapCut)
}

/// A lap in progress ended at the lap cap (`LapTrackingConfiguration.maximumLapFrames` / `maximumLapDuration`).
public struct LapCut: Sendable, Equatable {
    public var lapNumber: Int32
    public var frameCount: Int
    /// Session seconds from its first frame to its last.
    public var duration: Double

    public init(lapNumber: Int32, frameCount: Int, duration: Double) {
        self.lapNumber = lapNumber
        self.frameCount = frameCount
        self.duration = duration
    }
}
