import Foundation
import GRDB

/// The Discord bot's state: guild settings, follows and the DM queue.
public struct DiscordRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// Which drivers each guild may see (their opt-in), in the same database.
    public var links: DiscordLinkRepository { DiscordLinkRepository(database: database) }

    /// The guild's settings; all-nil settings for a guild never configured.
    public func settings(guildID: String) async throws -> DiscordGuildSettings {
        try await withStorageErrors {
            try await database.writer.read { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM discord_guilds WHERE guild_id = ?", arguments: [guildID])
                else { return DiscordGuildSettings(guildID: guildID) }
                return DiscordGuildSettings(
                    guildID: guildID, resultsChannelID: row["results_channel_id"], cuesChannelID: row["cues_channel_id"],
                    timeZone: row["time_zone"],
                    language: (row["language"] as String?).flatMap(GuildLanguage.init(rawValue:)) ?? .english)
            }
        }
    }

    /// Updates the given fields (nil leaves a field as it is).
    public func updateSettings(guildID: String, resultsChannelID: String? = nil, cuesChannelID: String? = nil, timeZone: String? = nil)
        async throws
    {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO discord_guilds (guild_id, results_channel_id, cues_channel_id, time_zone, updated_at)
                        VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT(guild_id) DO UPDATE SET
                          results_channel_id = COALESCE(excluded.results_channel_id, results_channel_id),
                          cues_channel_id = COALESCE(excluded.cues_channel_id, cues_channel_id),
                          time_zone = COALESCE(excluded.time_zone, time_zone),
                          updated_at = excluded.updated_at
                        """,
                    arguments: [guildID, resultsChannelID, cuesChannelID, timeZone, Date()])
            }
        }
    }

    /// Follows a driver into a channel (replacing an earlier channel for the same driver).
    public func follow(_ follow: DiscordFollow) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: """
                        INSERT INTO discord_follows (guild_id, driver_name, channel_id, created_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT(guild_id, driver_name) DO UPDATE SET channel_id = excluded.channel_id
                        """,
                    arguments: [follow.guildID, follow.driverName, follow.channelID, Date()])
            }
        }
    }

    /// Returns false when the guild did not follow that driver.
    public func unfollow(guildID: String, driverName: String) async throws -> Bool {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "DELETE FROM discord_follows WHERE guild_id = ? AND driver_name = ?", arguments: [guildID, driverName])
                return db.changesCount > 0
            }
        }
    }

    /// Every follow, in every guild, whose driver has opted in to that guild (the live feed
    /// routes by driver name). A follow left from before opt-in existed, or of a driver who
    /// withdrew, posts nothing.
    public func allFollows() async throws -> [DiscordFollow] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT discord_follows.guild_id, discord_follows.driver_name, discord_follows.channel_id
                        FROM discord_follows JOIN drivers ON drivers.name = discord_follows.driver_name
                        JOIN discord_driver_links ON discord_driver_links.guild_id = discord_follows.guild_id
                          AND discord_driver_links.driver_id = drivers.id
                        ORDER BY discord_follows.guild_id, discord_follows.driver_name
                        """)
                    .map { DiscordFollow(guildID: $0["guild_id"], driverName: $0["driver_name"], channelID: $0["channel_id"]) }
            }
        }
    }

    /// Queues a DM; returns its id.
    @discardableResult
    public func enqueueDirectMessage(recipientID: String, content: String) async throws -> Int64 {
        try await withStorageErrors {
            try await database.writer.write { db in
                try Self.enqueue(db, recipientID: recipientID, content: content, dedupeKey: nil)
                return db.lastInsertedRowID
            }
        }
    }

    /// Queues a DM inside the caller's transaction; with `dedupeKey`, only when no DM with that
    /// key is queued yet. Returns whether it was queued.
    @discardableResult
    static func enqueue(_ db: Database, recipientID: String, content: String, dedupeKey: String?) throws -> Bool {
        try db.execute(
            sql: "INSERT OR IGNORE INTO discord_dm_queue (recipient_id, content, created_at, dedupe_key) VALUES (?, ?, ?, ?)",
            arguments: [recipientID, content, Date(), dedupeKey])
        return db.changesCount > 0
    }

    /// Queued DMs, oldest first.
    public func pendingDirectMessages(limit: Int = 50) async throws -> [PendingDirectMessage] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM discord_dm_queue ORDER BY id LIMIT ?", arguments: [limit]).map {
                    PendingDirectMessage(
                        id: $0["id"], recipientID: $0["recipient_id"], content: $0["content"], attempts: $0["attempts"],
                        dedupeKey: $0["dedupe_key"], sentParts: $0["sent_parts"])
                }
            }
        }
    }

    /// Removes a delivered (or undeliverable) DM from the queue.
    public func removeDirectMessage(id: Int64) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in try db.execute(sql: "DELETE FROM discord_dm_queue WHERE id = ?", arguments: [id]) }
        }
    }

    /// Records that the first `parts` parts of a long DM are posted.
    public func recordDirectMessageParts(id: Int64, sent parts: Int) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(sql: "UPDATE discord_dm_queue SET sent_parts = ? WHERE id = ?", arguments: [parts, id])
            }
        }
    }

    /// Records a failed attempt; the DM stays queued.
    public func recordDirectMessageFailure(id: Int64, error: String) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "UPDATE discord_dm_queue SET attempts = attempts + 1, last_error = ? WHERE id = ?", arguments: [error, id])
            }
        }
    }
}
