import Coaching
import Telemetry

/// Why a reference command cannot do what was asked. `code` is stable (scripts match on it);
/// `description` says what is wrong in words a driver understands.
public enum ReferenceToolError: Error, Sendable, Equatable, CustomStringConvertible {
    case fileNotFound(path: String)
    /// The extension is neither `.ibt` nor `.csv`.
    case unsupportedFile(path: String)
    /// The file exists but its reader refused it (the reader's own code and message).
    case unreadable(path: String, code: String, reason: String)
    /// The recording says nothing about the track length and none was given.
    case unknownTrackLength(path: String)
    case noLaps(path: String)
    case lapNotFound(number: Int, available: [Int])
    /// The lap exists but cannot become a reference (out-lap, incomplete, pit...).
    case lapNotImportable(number: Int, status: LapStatus)
    /// `--best` found no complete, valid lap.
    case noValidLap(path: String)
    case referenceNotFound(String)
    /// Writing or reading a reference or track-map file failed.
    case file(ReferenceFileError)
    /// The lap could not be put on the 1 m grid.
    case resampling(lap: Int, reason: String)

    public var code: String {
        switch self {
        case .fileNotFound: "file_not_found"
        case .unsupportedFile: "unsupported_file"
        case .unreadable: "unreadable"
        case .unknownTrackLength: "unknown_track_length"
        case .noLaps: "no_laps"
        case .lapNotFound: "lap_not_found"
        case .lapNotImportable: "lap_not_importable"
        case .noValidLap: "no_valid_lap"
        case .referenceNotFound: "reference_not_found"
        case .file(let error): error.code
        case .resampling: "resampling_failed"
        }
    }

    public var description: String {
        switch self {
        case .fileNotFound(let path): "no such file: \(path)"
        case .unsupportedFile(let path): "\(path) is not a lap file this build reads (.ibt, .csv)"
        case .unreadable(let path, let code, let reason): "cannot read \(path) [\(code)]: \(reason)"
        case .unknownTrackLength(let path): "\(path) does not say how long the track is; pass --length METRES"
        case .noLaps(let path): "\(path) holds no laps"
        case .lapNotFound(let number, let available):
            "there is no lap \(number); the file has laps \(available.map(String.init).joined(separator: ", "))"
        case .lapNotImportable(let number, let status): "lap \(number) is \(status.label) and cannot be a reference"
        case .noValidLap(let path): "\(path) has no complete, valid lap"
        case .referenceNotFound(let name): "no reference lap named \(name)"
        case .file(let error): error.description
        case .resampling(let lap, let reason): "lap \(lap) cannot be put on the 1 m grid: \(reason)"
        }
    }
}
