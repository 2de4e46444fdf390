import GRDB

extension Schema {
    /// "v3-discord": the Discord bot's guild settings, live-feed follows and DM queue.
    /// Guild, channel and user ids are Discord snowflakes, stored as decimal text.
    static func createDiscordTables(_ db: Database) throws {
        try db.create(table: "discord_guilds") { table in
            table.primaryKey("guild_id", .text)
            table.column("results_channel_id", .text)
            table.column("cues_channel_id", .text)
            // IANA zone name; NULL shows results in UTC.
            table.column("time_zone", .text)
            table.column("updated_at", .datetime).notNull()
        }
        try db.create(table: "discord_follows") { table in
            table.column("guild_id", .text).notNull()
            table.column("driver_name", .text).notNull()
            table.column("channel_id", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.primaryKey(["guild_id", "driver_name"])
        }
        try db.create(table: "discord_dm_queue") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("recipient_id", .text).notNull()
            table.column("content", .text).notNull()
            table.column("attempts", .integer).notNull().defaults(to: 0)
            table.column("last_error", .text)
            table.column("created_at", .datetime).notNull()
        }
    }
}
