import Foundation
import GRDB

extension SessionRepository {
    /// One page of the driver's sessions, newest first, of at most `limit` (≥ 1). `after` is
    /// the previous page's `nextKey`; a key that is not one of this driver's sessions throws
    /// `.invalidInput` (another driver's key looks exactly like a made-up one).
    public func sessions(driverID: Int64, limit: Int, after: Int64?) async throws -> Page<SessionRecord> {
        guard limit > 0 else { throw StorageError.invalidInput("page size must be positive") }
        return try await withStorageErrors {
            try await database.writer.read { db in
                var condition = ""
                var arguments: StatementArguments = [driverID]
                if let after {
                    guard try Bool.fetchOne(
                        db, sql: "SELECT 1 FROM sessions WHERE rowid = ? AND driver_id = ?", arguments: [after, driverID]) != nil
                    else { throw StorageError.invalidInput("unknown page cursor") }
                    condition = "AND (started_at, rowid) < (SELECT started_at, rowid FROM sessions WHERE rowid = ?)"
                    arguments += [after]
                }
                arguments += [limit + 1]
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT rowid AS page_key, * FROM sessions WHERE driver_id = ? \(condition)
                        ORDER BY started_at DESC, rowid DESC LIMIT ?
                        """,
                    arguments: arguments)
                let fetched = try rows.map { row in
                    (key: try row.decode(Int64.self, forColumn: "page_key"), item: try SessionRecord(row: row))
                }
                return Page(fetched: fetched, limit: limit)
            }
        }
    }
}
