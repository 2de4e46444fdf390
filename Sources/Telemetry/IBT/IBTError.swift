/// Why an .ibt file cannot be read. `code` is stable for logs and API errors.
public enum IBTError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case emptyFile
    /// Shorter than the 144 bytes of header and disk sub-header.
    case tooSmall(size: Int, needed: Int)
    case unsupportedVersion(Int32)
    /// A header field that no real file has (tick rate ≤ 0, no buffers, row length ≤ 0, ...).
    case invalidHeader(field: String, value: Int64)
    /// A section the header points to lies (partly) outside the file.
    case outOfBounds(section: String, offset: Int64, length: Int64, fileSize: Int)
    /// A variable header with an unknown type or a position outside the row.
    case invalidVariable(name: String, reason: String)
    case missingChannel(String)
    /// Headers are intact but not one whole row follows them (`recorded` rows were announced).
    case noRows(recorded: Int)
    /// The session-info YAML cannot be parsed even after repairing iRacing's known quirks.
    case invalidSessionInfo(reason: String)

    public var code: String {
        switch self {
        case .unreadable: "unreadable"
        case .emptyFile: "empty_file"
        case .tooSmall: "too_small"
        case .unsupportedVersion: "unsupported_version"
        case .invalidHeader: "invalid_header"
        case .outOfBounds: "out_of_bounds"
        case .invalidVariable: "invalid_variable"
        case .missingChannel: "missing_channel"
        case .noRows: "no_rows"
        case .invalidSessionInfo: "invalid_session_info"
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let path, let reason): "cannot read \(path): \(reason)"
        case .emptyFile: "the file is empty"
        case .tooSmall(let size, let needed): "the file is \(size) bytes; an .ibt needs at least \(needed) bytes of headers"
        case .unsupportedVersion(let version): "header version \(version) is not an .ibt version (1 or 2): not an iRacing telemetry file"
        case .invalidHeader(let field, let value): "header field \(field) is \(value), which no .ibt file has"
        case .outOfBounds(let section, let offset, let length, let fileSize):
            "\(section) at offset \(offset), \(length) bytes, lies outside the \(fileSize)-byte file (truncated?)"
        case .invalidVariable(let name, let reason): "variable \(name): \(reason)"
        case .missingChannel(let name): "the file has no \(name) channel, which frames need"
        case .noRows(let recorded): "the file holds no complete telemetry row (its header announces \(recorded)): truncated or empty recording"
        case .invalidSessionInfo(let reason): "the session-info YAML cannot be parsed: \(reason)"
        }
    }
}
