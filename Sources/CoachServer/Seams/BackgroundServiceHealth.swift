import Foundation

/// Lets `/api/v1/health` show a background service's state (the iRacing results poller),
/// without the server depending on it.
public protocol BackgroundServiceHealth: Sendable {
    func healthReport() async -> BackgroundServiceHealthReport
}

/// What `/health` shows about one background service.
public struct BackgroundServiceHealthReport: Sendable, Encodable, Equatable {
    /// The service's own word: "idle", "polling", "degraded", "failing", ...
    public var state: String
    public var lastSuccess: Date?
    /// Stable code of the last error, nil after a clean run.
    public var lastError: String?
    /// Work waiting (posts queued for publishing).
    public var pending: Int

    public init(state: String, lastSuccess: Date?, lastError: String?, pending: Int) {
        self.state = state
        self.lastSuccess = lastSuccess
        self.lastError = lastError
        self.pending = pending
    }
}
