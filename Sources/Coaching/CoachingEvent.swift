/// What the coaching engine tells the server after it has seen some frames. The server turns each
/// event into a protocol message (`cue`, `delta`, `lap`) and hands completed laps to storage.
public enum CoachingEvent: Sendable {
    case cue(Cue)
    case delta(DeltaSample)
    case lapCompleted(CompletedLap)
    /// The reference changed (for example the driver beat their own best lap).
    case referenceChanged(ReferenceChoice)
}
