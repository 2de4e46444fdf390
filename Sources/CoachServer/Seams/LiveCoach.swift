import Coaching
import Telemetry

/// The coaching engine for one driver session, owned by exactly one `LiveSession` actor, so it
/// needs no locking and is not `Sendable`.
public protocol LiveCoach {
    /// The reference the coach is comparing against now, for `welcome` (also after a resume,
    /// when the driver's best lap may have replaced the original reference).
    var reference: ReferenceSummary { get }
    /// The topics the coach judges in this session, in protocol order, for `welcome.topics`.
    var topics: [Cue.Topic] { get }
    /// The lap in progress, numbered as the coach's completed laps are (cues are recorded
    /// against it, so the advice judge finds the lap a cue was said on); nil before the first.
    var lapNumber: Int32? { get }
    /// Feeds one frame; appends whatever the frame caused (cues, deltas, a completed lap).
    mutating func process(_ frame: LiveFrame, into events: inout [CoachingEvent])
    /// The session ends: appends the partial lap in progress, if any, as a `lapCompleted`.
    mutating func finish(into events: inout [CoachingEvent])
    /// A team-mate's message as a cue (`Cue.Topic.teamMessage`) if the frame last processed is a
    /// place where cues may be said, else nil (asked again after the next frame).
    mutating func relay(_ message: RelayedMessage) -> Cue?
}

extension LiveCoach {
    /// A coach that does not say (fakes): every topic that has a detector.
    public var topics: [Cue.Topic] { Cue.Topic.judgeable(with: Set(CoachingChannel.allCases)) }
    /// A coach that keeps no laps (fakes): the sim's counter is used.
    public var lapNumber: Int32? { nil }
}

/// What `welcome.reference` says about the chosen reference lap.
public struct ReferenceSummary: Sendable, Equatable {
    /// nil when there is no reference yet (`reason` is then `.none`).
    public var lap: ReferenceLapSummary?
    public var reason: ReferenceChoice.Reason

    public init(lap: ReferenceLapSummary?, reason: ReferenceChoice.Reason) {
        self.lap = lap
        self.reason = reason
    }

    public static let none = ReferenceSummary(lap: nil, reason: .none)
}

/// Source, lap time and car of a reference lap (`ReferenceLapMetadata` without the track).
public struct ReferenceLapSummary: Sendable, Equatable {
    public var source: String
    /// Seconds.
    public var lapTime: Double
    public var car: String

    public init(source: String, lapTime: Double, car: String) {
        self.source = source
        self.lapTime = lapTime
        self.car = car
    }
}
