import Coaching
import Foundation
import Telemetry

/// Persistence of live sessions. Calls come from a session's consumer task, off the socket's path.
public protocol SessionStore: Sendable {
    /// Records a new session and returns its id: a lowercase UUID, the protocol's `session`.
    func createSession(driverID: Int64, descriptor: SessionDescriptor, reference: ReferenceSummary, startedAt: Date)
        async throws -> String
    func endSession(_ sessionID: String, driverID: Int64, endedAt: Date) async throws
    /// Commits the lap (and its telemetry) and returns its id. It must be durable when this
    /// returns: the `lap` message that follows promises the client exactly that.
    func storeLap(_ lap: CompletedLap, sessionID: String, driverID: Int64) async throws -> Int64
    /// Records cues sent during lap `lapNumber` of the session (for later review).
    func recordCues(_ cues: [Cue], sessionID: String, lapNumber: Int32) async throws
    /// Whether a `storeLap` failure can never succeed on retry (an unknown session, a lap the
    /// store refuses), as opposed to a fault that passes (disk full, database busy).
    func isPermanentFailure(_ error: any Error) -> Bool
    /// The driver's stored coaching settings (nil: none stored), read as a session starts.
    func driverSettings(driverID: Int64) async throws -> DriverSettings?
    /// Stores the settings a new session runs with as the driver's defaults.
    func saveDriverSettings(_ settings: DriverSettings, driverID: Int64) async throws
}

extension SessionStore {
    /// Every failure may pass: the lap is kept and retried.
    public func isPermanentFailure(_ error: any Error) -> Bool { false }

    /// A store that keeps no settings: every session takes its `hello`'s or the defaults.
    public func driverSettings(driverID: Int64) async throws -> DriverSettings? { nil }
    public func saveDriverSettings(_ settings: DriverSettings, driverID: Int64) async throws {}
}
