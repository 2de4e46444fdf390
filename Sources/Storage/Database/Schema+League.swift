import GRDB

extension Schema {
    /// "v5-league-numbers": car numbers of an iRacing league, claimed in Discord (docs/discord.md,
    /// "League car numbers"). Every table is keyed by the guild first: guilds never see each
    /// other's numbers, links or logs.
    ///
    /// - `discord_guilds.language`: the guild's language for replies and announcements.
    /// - `league_guilds`: the league's settings per guild and its sync schedule.
    /// - `league_claims`: one row per held number. The primary key (guild, number) is what decides
    ///   two simultaneous claims of one number: the second insert fails. A number is text of 1-3
    ///   ASCII digits, kept as written ("007" and "7" are different numbers, as in iRacing).
    /// - `league_links`: a Discord user's iRacing member id, at most one user per member id.
    /// - `league_roster`: the league roster as last fetched from iRacing.
    /// - `league_audit_log`: every change; triggers refuse UPDATE and DELETE, so it only grows.
    static func createLeagueTables(_ db: Database) throws {
        try db.alter(table: "discord_guilds") { table in
            table.add(column: "language", .text).notNull().defaults(to: "en")
        }
        try db.create(table: "league_guilds") { table in
            table.primaryKey("guild_id", .text)
            table.column("league_id", .integer)
            table.column("range_from", .integer).notNull()
            table.column("range_to", .integer).notNull()
            table.column("admin_role_id", .text)
            table.column("announce_channel_id", .text)
            table.column("max_per_member", .integer).notNull().defaults(to: 1)
            table.column("leading_zeros", .boolean).notNull().defaults(to: false)
            // Minutes between scheduled syncs; NULL: the server's default; 0: no schedule.
            table.column("sync_interval_minutes", .integer)
            table.column("last_sync_at", .datetime)
            table.column("last_sync_error", .text)
            table.column("last_sync_roster_count", .integer)
            table.column("updated_at", .datetime).notNull()
            table.check(sql: "range_from BETWEEN 0 AND 999 AND range_to BETWEEN range_from AND 999")
        }
        try db.create(table: "league_claims") { table in
            table.column("guild_id", .text).notNull()
            table.column("number", .text).notNull()
            table.column("user_id", .text).notNull()
            table.column("user_name", .text)
            table.column("claimed_at", .datetime).notNull()
            table.column("assigned_by", .text)
            table.column("sync_state", .text).notNull().defaults(to: "unchecked")
            table.column("iracing_number", .text)
            table.column("checked_at", .datetime)
            // The difference last posted for this claim ("missing", "different:07"), so it is posted once.
            table.column("announced", .text)
            table.primaryKey(["guild_id", "number"])
            table.check(sql: "length(number) BETWEEN 1 AND 3 AND number NOT GLOB '*[^0-9]*'")
        }
        try db.create(index: "league_claims_by_user", on: "league_claims", columns: ["guild_id", "user_id"])
        try db.create(table: "league_links") { table in
            table.column("guild_id", .text).notNull()
            table.column("user_id", .text).notNull()
            table.column("member_id", .integer).notNull()
            table.column("iracing_name", .text)
            table.column("verified", .boolean).notNull().defaults(to: false)
            table.column("linked_at", .datetime).notNull()
            table.primaryKey(["guild_id", "user_id"])
            table.uniqueKey(["guild_id", "member_id"])
        }
        try db.create(table: "league_roster") { table in
            table.column("guild_id", .text).notNull()
            table.column("member_id", .integer).notNull()
            table.column("display_name", .text).notNull()
            table.column("car_number", .text)
            table.column("fetched_at", .datetime).notNull()
            table.primaryKey(["guild_id", "member_id"])
        }
        try db.create(table: "league_audit_log") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("guild_id", .text).notNull()
            table.column("at", .datetime).notNull()
            // NULL: the scheduled sync.
            table.column("actor_id", .text)
            table.column("action", .text).notNull()
            table.column("number", .text)
            table.column("subject_id", .text)
            table.column("field", .text)
            table.column("before", .text)
            table.column("after", .text)
        }
        try db.create(index: "league_audit_log_by_guild", on: "league_audit_log", columns: ["guild_id", "id"])
        for event in ["UPDATE", "DELETE"] {
            try db.execute(sql: """
                CREATE TRIGGER league_audit_log_no_\(event.lowercased()) BEFORE \(event) ON league_audit_log
                BEGIN SELECT RAISE(ABORT, 'league_audit_log is append-only'); END
                """)
        }
    }
}
