/// Why a reference-lap or track-map file cannot be read or written. `code` is stable.
public enum ReferenceFileError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case unwritable(path: String, reason: String)
    /// Not JSON, or a field missing or of the wrong type.
    case malformed(String)
    /// The `format` tag names another kind of file.
    case wrongFormat(found: String, expected: String)
    case unsupportedVersion(Int)
    case channelLengthMismatch(channel: String, expected: Int, found: Int)
    case countMismatch(grid: Int, channels: Int)
    /// `time[0]` must be 0.
    case timeNotStartingAtZero(Double)
    /// `time[index]` is not greater than `time[index - 1]`.
    case timeNotIncreasing(index: Int)
    case nonFiniteValue(channel: String, index: Int)
    /// A value outside what the format allows (grid spacing, gear, track length, corner order...).
    case invalidValue(String)

    public var code: String {
        switch self {
        case .unreadable: "unreadable"
        case .unwritable: "unwritable"
        case .malformed: "malformed"
        case .wrongFormat: "wrong_format"
        case .unsupportedVersion: "unsupported_version"
        case .channelLengthMismatch: "channel_length_mismatch"
        case .countMismatch: "count_mismatch"
        case .timeNotStartingAtZero: "time_not_starting_at_zero"
        case .timeNotIncreasing: "time_not_increasing"
        case .nonFiniteValue: "non_finite_value"
        case .invalidValue: "invalid_value"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .unwritable(let path, let reason): "cannot write \(path): \(reason)"
        case .malformed(let detail): "not a valid file: \(detail)"
        case .wrongFormat(let found, let expected): "format is \"\(found)\", expected \"\(expected)\""
        case .unsupportedVersion(let version): "version \(version) is not supported (this build reads version 1)"
        case .channelLengthMismatch(let channel, let expected, let found): "channel \(channel) has \(found) values, time has \(expected)"
        case .countMismatch(let grid, let channels): "grid.count is \(grid) but the channels hold \(channels) values"
        case .timeNotStartingAtZero(let first): "time must start at 0, starts at \(first)"
        case .timeNotIncreasing(let index): "time does not increase at grid point \(index)"
        case .nonFiniteValue(let channel, let index): "channel \(channel) has a non-finite value at grid point \(index)"
        case .invalidValue(let detail): detail
        }
    }
}
