import Coaching
import Foundation
import Storage
import Telemetry

/// Live sessions, laps and cues written through Storage's repositories and its single `LapWriter`.
public struct StorageBackedSessions: SessionStore {
    let sessions: SessionRepository
    let writer: LapWriter
    let settings: DriverSettingsRepository

    public init(database: TrailbrakeDatabase, writer: LapWriter) {
        sessions = SessionRepository(database: database)
        settings = DriverSettingsRepository(database: database)
        self.writer = writer
    }

    public func createSession(
        driverID: Int64, descriptor: SessionDescriptor, reference: ReferenceSummary, startedAt: Date
    ) async throws -> String {
        try await sessions.create(
            driverID: driverID, descriptor: descriptor, referenceSource: reference.lap?.source,
            referenceReason: reference.reason.rawValue, startedAt: startedAt
        ).id
    }

    public func endSession(_ sessionID: String, driverID: Int64, endedAt: Date) async throws {
        try await sessions.end(sessionID: sessionID, driverID: driverID, at: endedAt)
    }

    public func storeLap(_ lap: CompletedLap, sessionID: String, driverID: Int64) async throws -> Int64 {
        try await writer.store(lap, sessionID: sessionID, driverID: driverID)
    }

    /// A session that is not there, a lap the store refuses or a damaged file never store on
    /// retry; anything else (`database_failure`: disk full, busy, I/O) may pass.
    public func isPermanentFailure(_ error: any Error) -> Bool {
        guard let error = error as? StorageError else { return false }
        return error.isPermanent
    }

    public func driverSettings(driverID: Int64) async throws -> DriverSettings? {
        try await settings.settings(driverID: driverID)
    }

    public func saveDriverSettings(_ settings: DriverSettings, driverID: Int64) async throws {
        try await self.settings.save(settings, driverID: driverID)
    }

    public func recordCues(_ cues: [Cue], sessionID: String, lapNumber: Int32) async throws {
        try await writer.record(cues: cues, sessionID: sessionID, lapNumber: lapNumber)
    }
}
