import Coaching
import Foundation
import GRDB
import Telemetry

/// The single writer of lap data, off the live path: completed laps, the cues given, and the
/// drivers' own best laps as references.
///
/// Encoding is the costly part, so `store` and `saveDriverReference` encode on the caller's
/// task *before* hopping onto the actor, and the actor only runs one short transaction per
/// lap. Transactions are serialised by GRDB's single writer connection; actor reentrancy while
/// a write is awaited is harmless because each transaction checks idempotency itself.
///
/// The writer also schedules the WAL checkpoints (see `CheckpointPolicy`), so no lap's commit
/// pays for one.
public actor LapWriter {
    let database: TrailbrakeDatabase
    /// Bytes written since the last checkpoint started (an estimate: blobs plus a few pages).
    var bytesSinceCheckpoint = 0
    /// The running detached checkpoint, if any; at most one runs at a time.
    var checkpointTask: Task<Void, Never>?
    /// Checkpoints finished (whether complete or partial), for tests and the benchmark.
    var checkpointsFinished = 0
    /// Those that copied the whole WAL, so SQLite could start it over.
    var checkpointsComplete = 0

    /// Told how long each lap's transaction took (nil: nobody watches).
    let timings: (any DatabaseTimings)?

    public init(database: TrailbrakeDatabase, timings: (any DatabaseTimings)? = nil) {
        self.database = database
        self.timings = timings
    }

    /// Stores a completed lap (row, telemetry blob, corners, braking zones) in one transaction
    /// and returns its id. Storing the same lap again (same session, lap number and first-frame
    /// session time, as after a resume) returns the existing id and writes nothing.
    ///
    /// - Throws: `.notFound` when the session is missing or belongs to another driver,
    ///   `.invalidInput` for a lap without frames or with a non-finite start time.
    @concurrent
    public nonisolated func store(_ lap: CompletedLap, sessionID: String, driverID: Int64) async throws -> Int64 {
        let prepared = try PreparedLap(lap)
        return try await insert(prepared, sessionID: sessionID, driverID: driverID)
    }

    /// Stores a lap already encoded with `PreparedLap` (the benchmark times both halves).
    func insert(_ prepared: PreparedLap, sessionID: String, driverID: Int64) async throws -> Int64 {
        try await insertTimed(prepared, sessionID: sessionID, driverID: driverID).lapID
    }

    /// `insert`, also returning how long the statements took inside the transaction (the rest
    /// of the call is the actor hop, BEGIN and COMMIT).
    func insertTimed(
        _ prepared: PreparedLap, sessionID: String, driverID: Int64
    ) async throws -> (lapID: Int64, statements: Duration) {
        let createdAt = Date()
        let began = ContinuousClock.now
        let result = try await withStorageErrors {
            try await database.writer.write { db in
                let clock = ContinuousClock()
                let start = clock.now
                try Self.requireSession(db, sessionID: sessionID, driverID: driverID)
                if let existing = try Int64.fetchOne(
                    db, sql: "SELECT id FROM laps WHERE session_id = ? AND lap_number = ? AND start_time = ?",
                    arguments: [sessionID, prepared.lap.lapNumber, prepared.startTime]
                ) {
                    return (lapID: existing, statements: clock.now - start)
                }
                let lapID = try prepared.insert(db, sessionID: sessionID, driverID: driverID, createdAt: createdAt)
                return (lapID: lapID, statements: clock.now - start)
            }
        }
        timings?.lapCommitted(in: ContinuousClock.now - began)
        noteWritten(bytes: prepared.telemetry.count + Self.rowOverheadBytes)
        return result
    }

    /// Records cues given during a lap. A cue id already recorded for the session is skipped,
    /// so re-recording after a resume is harmless. Throws `.notFound` for a missing session.
    public func record(cues: [Cue], sessionID: String, lapNumber: Int32, sentAt: Date = Date()) async throws {
        guard !cues.isEmpty else { return }
        try await withStorageErrors {
            try await database.writer.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM sessions WHERE id = ?", arguments: [sessionID]) != nil else {
                    throw StorageError.notFound("session \(sessionID)")
                }
                for cue in cues { try cue.insert(db, sessionID: sessionID, lapNumber: lapNumber, sentAt: sentAt) }
            }
        }
        noteWritten(bytes: cues.count * Self.cueRowBytes)
    }

    /// Saves `reference` as the driver's own reference for its track and car when there is
    /// none yet or it is faster than the stored one. Returns true when it was saved.
    ///
    /// - Throws: `.invalidInput` for a lap time that is not positive and finite or channel
    ///   arrays of different lengths, `.notFound` for an unknown driver.
    @concurrent
    public nonisolated func saveDriverReference(_ reference: ReferenceLap, driverID: Int64) async throws -> Bool {
        let lapTime = reference.metadata.lapTime
        guard lapTime.isFinite, lapTime > 0 else {
            throw StorageError.invalidInput("reference lap time must be a positive number of seconds")
        }
        let blob = try ReferenceLapCodec.encode(reference)
        let metadata: String
        do {
            metadata = String(decoding: try JSONEncoder().encode(reference.metadata), as: UTF8.self)
        } catch {
            throw StorageError.invalidInput("reference metadata does not encode (a non-finite track length?): \(error)")
        }
        return try await upsertReference(
            driverID: driverID, trackKey: reference.metadata.track.key, car: reference.metadata.car,
            lapTime: lapTime, metadataJSON: metadata, blob: blob
        )
    }

    private func upsertReference(
        driverID: Int64, trackKey: String, car: String, lapTime: Double, metadataJSON: String, blob: Data
    ) async throws -> Bool {
        let updatedAt = Date()
        defer { noteWritten(bytes: blob.count + Self.rowOverheadBytes) }
        return try await withStorageErrors {
            try await database.writer.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM drivers WHERE id = ?", arguments: [driverID]) != nil else {
                    throw StorageError.notFound("driver \(driverID)")
                }
                try db.execute(
                    sql: """
                        INSERT INTO driver_references (driver_id, track_key, car, lap_time, metadata_json, codec, data, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                        ON CONFLICT (driver_id, track_key, car) DO UPDATE SET
                            lap_time = excluded.lap_time, metadata_json = excluded.metadata_json,
                            codec = excluded.codec, data = excluded.data, updated_at = excluded.updated_at
                        WHERE excluded.lap_time < driver_references.lap_time
                        """,
                    arguments: [driverID, trackKey, car, lapTime, metadataJSON, ReferenceLapCodec.name, blob, updatedAt]
                )
                return db.changesCount > 0
            }
        }
    }

    private static func requireSession(_ db: Database, sessionID: String, driverID: Int64) throws {
        guard try Bool.fetchOne(
            db, sql: "SELECT 1 FROM sessions WHERE id = ? AND driver_id = ?", arguments: [sessionID, driverID]
        ) != nil else {
            throw StorageError.notFound("session \(sessionID)")
        }
    }
}
