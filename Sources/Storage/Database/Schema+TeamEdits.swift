import GRDB

extension Schema {
    /// "v10-team-plan-edits": what admins change after planning, and what the bot sends later
    /// (docs/team.md, "Storage").
    ///
    /// - `team_event_counter`: the highest event id a guild has used, so a deleted event's id
    ///   (and the DM keys made from it) is never given to a new event.
    /// - `team_reminders`: one row per driver and stint of the newest published plan, from the
    ///   publish; `sent_at` is set in the transaction that queues the reminder DM, so a
    ///   reminder is queued once across restarts, and a stint kept by a later version keeps its row.
    /// - `team_broadcasts`: an admin's message to a role, a crew or an event's drivers, with
    ///   how many it was queued for (each DM keyed `team-broadcast:guild:id:user`).
    /// - `discord_dm_undeliverable`: keyed DMs Discord refused for good (50007: the user closed
    ///   their DMs), kept so an admin can be told who did not get a broadcast.
    static func createTeamEditTables(_ db: Database) throws {
        try db.create(table: "team_event_counter") { table in
            table.column("guild_id", .text).notNull().primaryKey()
            table.column("last_event_id", .integer).notNull()
        }
        try db.execute(sql: """
            INSERT INTO team_event_counter (guild_id, last_event_id) SELECT guild_id, max(event_id) FROM team_events GROUP BY guild_id
            """)
        try db.create(table: "team_reminders") { table in
            table.column("guild_id", .text).notNull()
            table.column("event_id", .integer).notNull()
            table.column("user_id", .text).notNull()
            table.column("car_id", .text).notNull()
            table.column("stint_number", .integer).notNull()
            table.column("starts_at", .datetime).notNull()
            table.column("content", .text).notNull()
            table.column("sent_at", .datetime)
            table.primaryKey(["guild_id", "event_id", "user_id", "car_id", "stint_number", "starts_at"])
            table.foreignKey(["guild_id", "event_id"], references: "team_events", onDelete: .cascade)
        }
        try db.create(index: "team_reminders_due", on: "team_reminders", columns: ["sent_at", "starts_at"])
        try db.create(table: "team_broadcasts") { table in
            table.column("guild_id", .text).notNull()
            table.column("broadcast_id", .integer).notNull()
            table.column("audience", .text).notNull()
            table.column("actor_id", .text).notNull()
            table.column("content", .text).notNull()
            table.column("recipients", .integer).notNull()
            table.column("created_at", .datetime).notNull()
            table.primaryKey(["guild_id", "broadcast_id"])
        }
        try db.create(table: "discord_dm_undeliverable") { table in
            table.column("dedupe_key", .text).notNull().primaryKey()
            table.column("recipient_id", .text).notNull()
            table.column("code", .integer).notNull()
            table.column("at", .datetime).notNull()
        }
    }
}
