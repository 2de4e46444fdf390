import Foundation
import GRDB

/// `[storage] telemetry_retention_days`: deletes the frames of laps stored more than N days
/// ago and keeps everything measured from them (the lap row with its time and validity,
/// corners, braking zones, cues), so sessions, reports, advice and comparisons still work and
/// only the telemetry export of such a lap answers 410 `telemetry_deleted`.
///
/// Deleted in batches of `batchSize` laps, one short transaction each, so the lap writer (the
/// same serialised writer connection) commits between them instead of waiting for a purge of
/// a year of laps.
public struct TelemetryRetention: Sendable {
    public static let secondsPerDay = 86_400.0
    /// Laps per transaction: a few MB of blobs, a few ms of writer time.
    public static let batchSize = 200

    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// The first instant still kept: telemetry of a lap stored before `now - days` is deleted;
    /// a lap stored exactly `days` days ago is kept.
    public static func cutoff(days: Int, now: Date) -> Date {
        now.addingTimeInterval(-Double(days) * secondsPerDay)
    }

    /// Deletes the telemetry of the laps stored before `cutoff(days:now:)` and returns how many
    /// laps lost theirs. `days` 0 (keep forever) deletes nothing.
    public func deleteTelemetry(olderThanDays days: Int, now: Date = Date()) async throws -> Int {
        guard days > 0 else { return 0 }
        let cutoff = Self.cutoff(days: days, now: now)
        var deleted = 0
        while true {
            let batch = try await withStorageErrors {
                try await database.writer.write { db in
                    try db.execute(
                        sql: """
                            DELETE FROM lap_telemetry WHERE lap_id IN (
                                SELECT lap_telemetry.lap_id FROM lap_telemetry JOIN laps ON laps.id = lap_telemetry.lap_id
                                WHERE laps.created_at < ? LIMIT ?)
                            """,
                        arguments: [cutoff, Self.batchSize])
                    return db.changesCount
                }
            }
            deleted += batch
            if batch < Self.batchSize { return deleted }
        }
    }

    /// Whether the driver's lap exists but its telemetry was deleted (false for a missing or
    /// foreign lap, and for a lap that still has its frames).
    public func telemetryDeleted(lapID: Int64, driverID: Int64) async throws -> Bool {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Bool.fetchOne(
                    db,
                    sql: """
                        SELECT NOT EXISTS (SELECT 1 FROM lap_telemetry WHERE lap_id = laps.id)
                        FROM laps WHERE id = ? AND driver_id = ?
                        """,
                    arguments: [lapID, driverID]) ?? false
            }
        }
    }
}
