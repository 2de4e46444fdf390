import Foundation
import GRDB

extension LapRepository {
    /// One page of the session's laps in driving order, of at most `limit` (≥ 1); empty for a
    /// missing or foreign session. `after` is the previous page's `nextKey` (a lap id); one
    /// that is not a lap of this session of this driver throws `.invalidInput`.
    public func laps(sessionID: String, driverID: Int64, limit: Int, after: Int64?) async throws -> Page<LapRecordRow> {
        guard limit > 0 else { throw StorageError.invalidInput("page size must be positive") }
        return try await withStorageErrors {
            try await database.writer.read { db in
                var condition = ""
                var arguments: StatementArguments = [sessionID, driverID]
                if let after {
                    guard try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM laps WHERE id = ? AND session_id = ? AND driver_id = ?",
                        arguments: [after, sessionID, driverID]) != nil
                    else { throw StorageError.invalidInput("unknown page cursor") }
                    condition = "AND (start_time, lap_number, id) > (SELECT start_time, lap_number, id FROM laps WHERE id = ?)"
                    arguments += [after]
                }
                arguments += [limit + 1]
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT * FROM laps WHERE session_id = ? AND driver_id = ? \(condition)
                        ORDER BY start_time, lap_number, id LIMIT ?
                        """,
                    arguments: arguments)
                let fetched = try rows.map { row in
                    let lap = try LapRecordRow(row: row)
                    return (key: lap.id, item: lap)
                }
                return Page(fetched: fetched, limit: limit)
            }
        }
    }
}
