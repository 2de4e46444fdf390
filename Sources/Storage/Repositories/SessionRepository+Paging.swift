import Foundation
import GRDB

extension SessionRepository {
    /// One page of the driver's sessions, newest first, of at most `limit` (≥ 1). `after` is
    /// the previous page's `nextKey`; a key that is not one of this driver's sessions throws
    /// `.invalidInput` (another driver's key looks exactly like a made-up one).
    public func sessions(driverID: Int64, limit: Int, after: Int64?) async throws -> Page<SessionRecord> {
        let page = KeysetPage(
            select: "SELECT rowid AS page_key, * FROM sessions WHERE driver_id = ?", scope: [driverID],
            keyBelongs: "SELECT 1 FROM sessions WHERE rowid = ? AND driver_id = ?",
            afterKey: "(started_at, rowid) < (SELECT started_at, rowid FROM sessions WHERE rowid = ?)",
            order: "started_at DESC, rowid DESC")
        return try await withStorageErrors {
            try await database.writer.read { db in
                let fetched = try page.fetch(db, limit: limit, after: after).map { row in
                    (key: try row.decode(Int64.self, forColumn: "page_key"), item: try SessionRecord(row: row))
                }
                return Page(fetched: fetched, limit: limit)
            }
        }
    }
}
