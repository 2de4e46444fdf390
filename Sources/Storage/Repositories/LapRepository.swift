import Coaching
import Foundation
import GRDB
import Telemetry

/// Reads stored laps. Every query filters on the driver id, so another driver's lap is
/// reported exactly like a missing one (nil or an empty list), never as "forbidden".
public struct LapRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// The session's laps in driving order; empty for a missing or foreign session.
    public func laps(sessionID: String, driverID: Int64) async throws -> [LapRecordRow] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM laps WHERE session_id = ? AND driver_id = ? ORDER BY start_time, lap_number",
                    arguments: [sessionID, driverID]
                ).map(LapRecordRow.init(row:))
            }
        }
    }

    /// The lap with its corners and braking zones, or nil.
    public func lap(id: Int64, driverID: Int64) async throws -> LapDetail? {
        try await withStorageErrors {
            try await database.writer.read { db in try Self.fetchDetail(db, lapID: id, driverID: driverID) }
        }
    }

    /// The lap's frames, or nil for a missing or foreign lap. Throws `.corruptBlob` when the
    /// stored blob does not decode. The blob is read in one short query and decoded after the
    /// reader connection is released.
    public func telemetry(lapID: Int64, driverID: Int64) async throws -> [TelemetryFrame]? {
        try await storedTelemetry(lapID: lapID, driverID: driverID)?.frames()
    }

    /// Lap B against lap A of the same driver, corner by corner (B minus A); nil when either
    /// lap is missing or foreign.
    public func compare(lapA: Int64, lapB: Int64, driverID: Int64) async throws -> LapComparison? {
        let details = try await withStorageErrors {
            try await database.writer.read { db in
                (try Self.fetchDetail(db, lapID: lapA, driverID: driverID),
                 try Self.fetchDetail(db, lapID: lapB, driverID: driverID))
            }
        }
        guard let first = details.0, let second = details.1 else { return nil }
        return LapComparison(comparing: first, with: second)
    }

    static func fetchDetail(_ db: Database, lapID: Int64, driverID: Int64) throws -> LapDetail? {
        guard let lapRow = try Row.fetchOne(
            db, sql: "SELECT * FROM laps WHERE id = ? AND driver_id = ?", arguments: [lapID, driverID]
        ) else { return nil }
        let corners = try Row.fetchAll(
            db, sql: "SELECT * FROM corners WHERE lap_id = ? ORDER BY id", arguments: [lapID]
        ).map(CornerMetrics.init(row:))
        let zones = try Row.fetchAll(
            db, sql: "SELECT * FROM braking_zones WHERE lap_id = ? ORDER BY id", arguments: [lapID]
        ).map(BrakingZone.init(row:))
        return LapDetail(lap: try LapRecordRow(row: lapRow), corners: corners, brakingZones: zones)
    }
}
