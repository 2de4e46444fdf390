import Coaching
import GRDB

extension LapRepository {
    /// The session's laps with their corner measurements, in driving order (what advice outcomes
    /// are judged from); empty for a missing or foreign session. Two queries, whatever the laps.
    public func measuredLaps(sessionID: String, driverID: Int64) async throws -> [MeasuredLap] {
        try await withStorageErrors {
            try await database.writer.read { db in
                let laps = try Row.fetchAll(
                    db, sql: "SELECT * FROM laps WHERE session_id = ? AND driver_id = ? ORDER BY start_time, lap_number",
                    arguments: [sessionID, driverID]
                ).map(LapRecordRow.init(row:))
                let corners = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT corners.* FROM corners JOIN laps ON laps.id = corners.lap_id
                        WHERE laps.session_id = ? AND laps.driver_id = ? ORDER BY corners.id
                        """,
                    arguments: [sessionID, driverID]
                ).map { row in (lapID: row["lap_id"] as Int64, corner: try CornerMetrics(row: row)) }
                let byLap = Dictionary(grouping: corners, by: \.lapID)
                return laps.map { lap in
                    MeasuredLap(
                        lapNumber: lap.lapNumber, isValid: lap.isValid && lap.lapTime != nil,
                        corners: byLap[lap.id]?.map(\.corner) ?? [], lapTime: lap.lapTime.flatMap { $0.isFinite ? $0 : nil },
                        deltaToReference: lap.deltaToReference.flatMap { $0.isFinite ? $0 : nil })
                }
            }
        }
    }
}
