import GRDB

extension Schema {
    /// "v9-discord-sign-in": which Discord user signs in to the web pages as which driver.
    ///
    /// One row per Discord user (a Discord account is one driver); a driver may have several
    /// Discord accounts. Made by the first sign-in of a user who opted a driver in through the bot
    /// (`discord_driver_links.linked_by_user_id`), or by a signed-in browser linking its account.
    static func createDiscordSignInTables(_ db: Database) throws {
        try db.create(table: "discord_sign_in_users") { table in
            table.primaryKey("discord_user_id", .text)
            table.column("driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            // "bot": found through a bot link; "browser": linked by a signed-in browser.
            table.column("linked_via", .text).notNull()
            table.column("created_at", .datetime).notNull()
        }
    }
}
