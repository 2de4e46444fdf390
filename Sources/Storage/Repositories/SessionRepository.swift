import Coaching
import Foundation
import GRDB
import Telemetry

/// Coaching sessions. Every read is scoped by driver: another driver's session is reported
/// exactly like a missing one.
public struct SessionRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// Starts a session with a new UUID id. Throws `.notFound` for an unknown driver and
    /// `.invalidInput` for a track length that is not a positive finite number of metres.
    public func create(
        driverID: Int64, descriptor: SessionDescriptor, referenceSource: String?, referenceReason: String,
        startedAt: Date = Date()
    ) async throws -> SessionRecord {
        guard descriptor.track.length.isFinite, descriptor.track.length > 0 else {
            throw StorageError.invalidInput("track length must be a positive number of metres")
        }
        let sessionID = UUID().uuidString.lowercased()
        return try await withStorageErrors {
            try await database.writer.write { db in
                // Cached statements: a session starts for every driver who connects, and compiling
                // these three each time showed in the profile of a ramp-up (docs/performance.md).
                guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM drivers WHERE id = ?"), arguments: [driverID]) != nil else {
                    throw StorageError.notFound("driver \(driverID)")
                }
                try db.cachedStatement(
                    sql: """
                        INSERT INTO sessions (id, driver_id, sim, track_name, track_config, track_length, car,
                            session_type, reference_source, reference_reason, started_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        """
                ).execute(
                    arguments: [
                        sessionID, driverID, descriptor.sim, descriptor.track.name, descriptor.track.configuration,
                        descriptor.track.length, descriptor.car, descriptor.sessionType, referenceSource,
                        referenceReason, startedAt,
                    ]
                )
                // Read back, so the returned dates have the stored (millisecond) precision.
                guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM sessions WHERE id = ?"), arguments: [sessionID]) else {
                    throw StorageError.databaseFailure("inserted session vanished")
                }
                return try SessionRecord(row: row)
            }
        }
    }

    /// Marks the session ended. Ending an ended session keeps the first end time (a resumed
    /// connection closing twice must not move it). Throws `.notFound` for a session that is
    /// missing or belongs to another driver.
    public func end(sessionID: String, driverID: Int64, at endedAt: Date = Date()) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "UPDATE sessions SET ended_at = COALESCE(ended_at, ?) WHERE id = ? AND driver_id = ?",
                    arguments: [endedAt, sessionID, driverID]
                )
                guard db.changesCount == 1 else { throw StorageError.notFound("session \(sessionID)") }
            }
        }
    }

    /// The driver's sessions, newest first.
    public func sessions(driverID: Int64) async throws -> [SessionRecord] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM sessions WHERE driver_id = ? ORDER BY started_at DESC, rowid DESC",
                    arguments: [driverID]
                ).map(SessionRecord.init(row:))
            }
        }
    }

    /// The session, or nil when it is missing or belongs to another driver.
    public func session(id: String, driverID: Int64) async throws -> SessionRecord? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT * FROM sessions WHERE id = ? AND driver_id = ?", arguments: [id, driverID]
                ).map(SessionRecord.init(row:))
            }
        }
    }

    /// Cues given in the session, in cue id order; empty for another driver's session.
    public func cues(sessionID: String, driverID: Int64) async throws -> [RecordedCue] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT cues.* FROM cues JOIN sessions ON sessions.id = cues.session_id
                        WHERE cues.session_id = ? AND sessions.driver_id = ? ORDER BY cues.cue_id
                        """,
                    arguments: [sessionID, driverID]
                ).map(RecordedCue.init(row:))
            }
        }
    }
}
