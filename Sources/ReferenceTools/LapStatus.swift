import Coaching
import Telemetry

/// What a recorded lap is good for, as `trailbrake reference laps` shows it. The one place the
/// two judges' words meet: the live `LapTracker`'s `LapInvalidReason` (streams) and
/// Telemetry's `ImportedLapProblem` (exports) both map here.
public enum LapStatus: String, Sendable, Equatable, Codable {
    /// Complete, timed at the line at both ends, nothing against it: can be a reference.
    case valid
    /// The first lap of a recording: it started wherever the car was.
    case outLap = "out-lap"
    /// The recording ends (or the lap was cut, e.g. at the lap-in-progress cap) before the line.
    case incomplete
    /// Some frame of the lap was on pit road or in the pit stall.
    case pit
    /// The car was reset or towed during the lap.
    case reset
    case offTrack = "off-track"
    /// Frames are missing (a stream: more than `LapTrackingConfiguration.maximumDataGap` between
    /// two; an export: more than `LapSplitter.maximumFrameGap` seconds).
    case dataGap = "data-gap"

    /// The word printed in the lap list.
    public var label: String { rawValue }

    init(_ reason: LapInvalidReason?) {
        switch reason {
        case nil: self = .valid
        case .outLap: self = .outLap
        case .pitRoad: self = .pit
        case .reset: self = .reset
        case .partial: self = .incomplete
        case .offTrack: self = .offTrack
        case .dataGap: self = .dataGap
        case .tooLong: self = .incomplete
        }
    }

    init(_ problem: ImportedLapProblem?) {
        switch problem {
        case nil: self = .valid
        case .outLap: self = .outLap
        case .pitRoad: self = .pit
        case .reset: self = .reset
        case .partial: self = .incomplete
        case .dataGap: self = .dataGap
        }
    }
}
