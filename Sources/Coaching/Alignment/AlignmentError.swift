/// Why a lap could not be put on the distance grid. `code` is stable (logs, API errors, tests).
public enum AlignmentError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Track length not finite, not positive, or longer than `ReferenceResampler.maximumTrackLength`.
    case invalidTrackLength(Double)
    /// Lap start or end time not finite, or the end not after the start.
    case invalidLapTimes(start: Double, end: Double?)
    /// Fewer usable frames (finite, after the start, moving forward) than a lap needs.
    case tooFewFrames(usable: Int)
    /// Two consecutive usable points are further apart than `ReferenceResampler.maximumGap`.
    case coverageGap(from: Double, to: Double)

    public var code: String {
        switch self {
        case .invalidTrackLength: "invalid_track_length"
        case .invalidLapTimes: "invalid_lap_times"
        case .tooFewFrames: "too_few_frames"
        case .coverageGap: "coverage_gap"
        }
    }

    public var description: String {
        switch self {
        case .invalidTrackLength(let length): "\(code): track length \(length) m"
        case .invalidLapTimes(let start, let end): "\(code): start \(start) s, end \(end.map { "\($0)" } ?? "none")"
        case .tooFewFrames(let usable): "\(code): \(usable) usable frames"
        case .coverageGap(let from, let to): "\(code): no data between \(from) m and \(to) m"
        }
    }
}
