import GRDB

extension Schema {
    /// "v6-discord-links": which Discord guilds may see which driver (the driver opted in), and
    /// the one-time codes a driver hands to a guild to opt in.
    ///
    /// - `discord_link_codes`: SHA-256 hex of a code, the driver, when it stops working. A code is
    ///   deleted when it is used, so it works once.
    /// - `discord_driver_links`: one row per (guild, driver), with the Discord user who entered the
    ///   code (that user may withdraw it with `/coach unlink`).
    static func createDiscordLinkTables(_ db: Database) throws {
        try db.create(table: "discord_link_codes") { table in
            table.primaryKey("code_hash", .text)
            table.column("driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            table.column("expires_at", .datetime).notNull()
            table.column("created_at", .datetime).notNull()
        }
        try db.create(table: "discord_driver_links") { table in
            table.column("guild_id", .text).notNull()
            table.column("driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            table.column("linked_by_user_id", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.primaryKey(["guild_id", "driver_id"])
        }
    }
}
