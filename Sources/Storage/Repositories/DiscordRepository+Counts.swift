import GRDB

extension DiscordRepository {
    /// DMs waiting to be delivered (the operator's `trailbrake_queue_depth{queue="dm_queue"}`).
    public func directMessageCount() async throws -> Int {
        try await withStorageErrors {
            try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM discord_dm_queue") ?? 0 }
        }
    }
}
