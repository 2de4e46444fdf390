import Foundation
import GRDB

extension LapRepository {
    /// One page of the session's laps in driving order, of at most `limit` (≥ 1); empty for a
    /// missing or foreign session. `after` is the previous page's `nextKey` (a lap id); one
    /// that is not a lap of this session of this driver throws `.invalidInput`.
    public func laps(sessionID: String, driverID: Int64, limit: Int, after: Int64?) async throws -> Page<LapRecordRow> {
        let page = KeysetPage(
            select: "SELECT * FROM laps WHERE session_id = ? AND driver_id = ?", scope: [sessionID, driverID],
            keyBelongs: "SELECT 1 FROM laps WHERE id = ? AND session_id = ? AND driver_id = ?",
            afterKey: "(start_time, lap_number, id) > (SELECT start_time, lap_number, id FROM laps WHERE id = ?)",
            order: "start_time, lap_number, id")
        return try await withStorageErrors {
            try await database.writer.read { db in
                let fetched = try page.fetch(db, limit: limit, after: after).map { row in
                    let lap = try LapRecordRow(row: row)
                    return (key: lap.id, item: lap)
                }
                return Page(fetched: fetched, limit: limit)
            }
        }
    }
}
