import Coaching
import Foundation
import Telemetry

/// Persistence of live sessions. Calls come from a session's consumer task, off the socket's path.
public protocol SessionStore: Sendable {
    /// Records a new session and returns its database id.
    func createSession(publicID: String, driverID: Int64, descriptor: SessionDescriptor, startedAt: Date) async throws
        -> Int64
    func endSession(_ sessionID: Int64, endedAt: Date) async throws
    /// Commits the lap (and its telemetry) and returns its id. It must be durable when this
    /// returns: the `lap` message that follows promises the client exactly that.
    func storeLap(_ lap: CompletedLap, sessionID: Int64, driverID: Int64) async throws -> Int64
    /// Records cues sent in the session (for later review); may batch internally.
    func recordCues(_ cues: [Cue], sessionID: Int64) async throws
}
