/// A measured quantity the detectors read. A detector is only as good as its channel: where a
/// sim or an export does not send one (GT7 and MoTeC exports have no gear, AC exports no
/// position, iRacing's Ocypode export sends latitude and longitude as 0), or sends it as a
/// constant, the detectors that read it are off; the missing value is never taken as a value.
public enum CoachingChannel: String, Sendable, CaseIterable {
    case speed, throttle, brake, gear, position
}

extension Cue.Topic {
    /// The channels this topic's detector reads.
    public var channels: Set<CoachingChannel> {
        switch self {
        case .brakePoint, .brakePressure, .brakeRelease, .consistency: [.brake, .speed]
        case .minimumSpeed: [.speed]
        case .throttlePickup: [.throttle, .speed]
        case .coasting: [.throttle, .brake]
        case .gear: [.gear, .speed]
        case .racingLine: [.position, .speed]
        case .teamMessage: []
        }
    }

    /// Topics that have a detector; the others are named in the protocol but not judged yet, so
    /// `welcome.topics` never lists them.
    public static let detected: Set<Cue.Topic> = [
        .brakePoint, .brakePressure, .minimumSpeed, .throttlePickup, .gear, .coasting, .brakeRelease, .racingLine, .consistency,
    ]

    /// The topics with a detector whose every channel is in `channels`, in protocol order.
    public static func judgeable(with channels: Set<CoachingChannel>) -> [Cue.Topic] {
        allCases.filter { detected.contains($0) && $0.channels.isSubset(of: channels) }
    }
}
