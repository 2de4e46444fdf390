import Foundation
import GRDB

extension DiscordRepository {
    /// A DM Discord refused for good (`code`: 50007, the user closed their DMs; 10013, no
    /// such user) leaves the queue; a keyed one is remembered, in the same transaction, so a
    /// broadcast's admin can be told who did not get it.
    public func giveUpDirectMessage(_ message: PendingDirectMessage, code: Int, at now: Date = Date()) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(sql: "DELETE FROM discord_dm_queue WHERE id = ?", arguments: [message.id])
                // Kept 30 days: long enough to ask, bounded however many broadcasts are sent.
                try db.execute(sql: "DELETE FROM discord_dm_undeliverable WHERE at < ?", arguments: [now.addingTimeInterval(-30 * 86_400)])
                if let key = message.dedupeKey {
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO discord_dm_undeliverable (dedupe_key, recipient_id, code, at) VALUES (?, ?, ?, ?)",
                        arguments: [key, message.recipientID, code, now])
                }
            }
        }
    }

    /// Whether a DM is still queued (an event's deletion drops its DMs while the worker sends others).
    public func isDirectMessageQueued(id: Int64) async throws -> Bool {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM discord_dm_queue WHERE id = ?)", arguments: [id]) ?? false
            }
        }
    }
}
