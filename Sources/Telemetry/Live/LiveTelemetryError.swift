/// Why the live memory map cannot be read now. `code` is stable for logs and the client's UI.
public enum LiveTelemetryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The map (or a dump of it) cannot be opened: iRacing is not running, or the file is missing.
    case unavailable(reason: String)
    /// The header, a variable header or a buffer descriptor is impossible; same checks as a file.
    case layout(IBTError)
    /// The sim restarted its telemetry with another layout (variables, row length): reopen.
    case layoutChanged
    /// The header's status says the sim is not connected (no session loaded).
    case notConnected
    /// Every attempt found the newest buffer rewritten while it was copied.
    case tornRead(attempts: Int)

    public var code: String {
        switch self {
        case .unavailable: "unavailable"
        case .layout(let error): "layout_\(error.code)"
        case .layoutChanged: "layout_changed"
        case .notConnected: "not_connected"
        case .tornRead: "torn_read"
        }
    }

    public var description: String {
        switch self {
        case .unavailable(let reason): "live telemetry is unavailable: \(reason)"
        case .layout(let error): "live memory layout: \(error)"
        case .layoutChanged: "the sim changed its telemetry layout; reopen the memory map"
        case .notConnected: "the sim is not connected (no session is loaded)"
        case .tornRead(let attempts): "the newest row was rewritten during each of \(attempts) copies"
        }
    }
}
