import Synchronization

/// The state one socket's reader and heartbeat tasks share: whether the last heartbeat was
/// acknowledged, and how the connection is ending.
final class ConnectionState: Sendable {
    private struct Values {
        var awaitingACK = false
        var outcome: ConnectionOutcome?
        var heartbeatInterval: Duration?
    }
    private let values = Mutex(Values())

    /// Marks a heartbeat sent; returns false when the previous one was never acknowledged
    /// (a zombie connection).
    func heartbeatSent() -> Bool {
        values.withLock { values in
            if values.awaitingACK { return false }
            values.awaitingACK = true
            return true
        }
    }

    func acknowledged() { values.withLock { $0.awaitingACK = false } }

    /// Keeps the first reason only.
    func end(_ outcome: ConnectionOutcome) {
        values.withLock { values in if values.outcome == nil { values.outcome = outcome } }
    }

    var outcome: ConnectionOutcome? { values.withLock { $0.outcome } }
}
