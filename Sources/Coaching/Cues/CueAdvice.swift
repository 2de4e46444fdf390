/// One thing to tell the driver about a corner: a topic and its signed size, in the
/// `CueNumbers` sign convention (positive = later / faster / more / higher gear / wider).
public struct CueAdvice: Sendable, Equatable {
    /// Which measurement of a topic the advice is about, where a topic has more than one.
    public enum Detail: Sendable, Equatable {
        /// The topic's main measurement (the apex for the racing line, the brake point for consistency).
        case main
        /// Racing line at the turn-in point.
        case turnIn
        /// Consistency of the apex speed.
        case apexSpeed
        /// Brake release: how gradually the brake comes off (`BrakeReleaseShape`), not where.
        case releaseLength
    }

    public var topic: Cue.Topic
    /// Metres (brake point, throttle, coasting, brake release, line, brake point spread), km/h
    /// (speed, apex speed spread), gears (gear).
    public var amount: Double
    /// Gear the reference uses, for gear advice.
    public var referenceGear: Int?
    /// Estimated time this costs per lap, seconds (first-order physics, for priority).
    public var timeCost: Double
    public var detail: Detail

    public init(topic: Cue.Topic, amount: Double, referenceGear: Int? = nil, timeCost: Double = 0, detail: Detail = .main) {
        self.topic = topic
        self.amount = amount
        self.referenceGear = referenceGear
        self.timeCost = timeCost
        self.detail = detail
    }

    /// 1 (minor, < 0.1 s), 2 (< 0.25 s), 3 (major).
    public var severity: Int { timeCost >= 0.25 ? 3 : timeCost >= 0.1 ? 2 : 1 }

    /// +1 or -1: the side of the reference the driver is on.
    public var side: Int { amount >= 0 ? 1 : -1 }
}
