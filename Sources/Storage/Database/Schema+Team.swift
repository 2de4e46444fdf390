import GRDB

extension Schema {
    /// "v8-team-events": team tools (docs/team.md, "Storage"). Every table is keyed by the guild
    /// first: a team is a Discord guild and never sees another's rows.
    ///
    /// - `team_role_map`: a Discord role and the team role it grants (owner, admin, member, guest).
    /// - `team_members`: each member's team role as last seen, so a change made in Discord is
    ///   noticed (and audited) at their next interaction.
    /// - `team_events`, `team_event_cars`: an endurance event and its cars with their crews
    ///   (crew: a JSON array of Discord user ids).
    /// - `team_registrations`: who signed up, with their iRacing member id, IANA time zone,
    ///   optional language and the licences checked at sign-up (JSON, the planner's shape).
    /// - `team_availability`: hours a driver marked on their own clock.
    /// - `team_plans`: the proposal (version 0, replaced by each `/event plan`) and every
    ///   published version (1, 2...), the plan as JSON.
    /// - `team_audit_log`: role mappings, members' role changes, events and publishes;
    ///   append-only (triggers refuse UPDATE and DELETE).
    /// - `discord_dm_queue.dedupe_key`: a DM's unique key (a plan DM: guild, event, version,
    ///   user), so it is queued at most once; `sent_parts`: the parts of a long DM already
    ///   posted, so a restart resumes after them.
    static func createTeamTables(_ db: Database) throws {
        try db.create(table: "team_role_map") { table in
            table.column("guild_id", .text).notNull()
            table.column("role_id", .text).notNull()
            table.column("level", .text).notNull()
            table.column("updated_at", .datetime).notNull()
            table.primaryKey(["guild_id", "role_id"])
            table.check(sql: "level IN ('owner', 'admin', 'member', 'guest')")
        }
        try db.create(table: "team_members") { table in
            table.column("guild_id", .text).notNull()
            table.column("user_id", .text).notNull()
            table.column("level", .text).notNull()
            table.column("seen_at", .datetime).notNull()
            table.primaryKey(["guild_id", "user_id"])
        }
        try db.create(table: "team_events") { table in
            table.column("guild_id", .text).notNull()
            table.column("event_id", .integer).notNull()
            table.column("name", .text).notNull()
            table.column("track", .text).notNull()
            table.column("start_at", .datetime).notNull()
            table.column("length_minutes", .integer).notNull()
            table.column("stint_minutes", .integer).notNull()
            table.column("min_irating", .integer)
            table.column("max_irating", .integer)
            table.column("min_licence", .integer)
            table.column("min_safety_rating", .double)
            table.column("max_driving_minutes", .integer).notNull()
            table.column("min_rest_minutes", .integer).notNull()
            table.column("spotter_required", .boolean).notNull()
            table.column("created_by", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.primaryKey(["guild_id", "event_id"])
            table.check(sql: "length_minutes > 0 AND stint_minutes > 0")
        }
        try db.create(table: "team_event_cars") { table in
            table.column("guild_id", .text).notNull()
            table.column("event_id", .integer).notNull()
            table.column("position", .integer).notNull()
            table.column("car_id", .text).notNull()
            table.column("name", .text).notNull()
            table.column("category", .text).notNull()
            table.column("crew", .text).notNull().defaults(to: "[]")
            table.column("captain_id", .text)
            table.primaryKey(["guild_id", "event_id", "car_id"])
            table.foreignKey(["guild_id", "event_id"], references: "team_events", onDelete: .cascade)
        }
        try db.create(table: "team_registrations") { table in
            table.column("guild_id", .text).notNull()
            table.column("event_id", .integer).notNull()
            table.column("user_id", .text).notNull()
            table.column("member_id", .integer).notNull()
            table.column("display_name", .text).notNull()
            table.column("time_zone", .text).notNull()
            table.column("language", .text)
            table.column("licences", .text).notNull()
            table.column("registered_at", .datetime).notNull()
            table.primaryKey(["guild_id", "event_id", "user_id"])
            table.uniqueKey(["guild_id", "event_id", "member_id"])
            table.foreignKey(["guild_id", "event_id"], references: "team_events", onDelete: .cascade)
        }
        try db.create(table: "team_availability") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("guild_id", .text).notNull()
            table.column("event_id", .integer).notNull()
            table.column("user_id", .text).notNull()
            table.column("year", .integer).notNull()
            table.column("month", .integer).notNull()
            table.column("day", .integer).notNull()
            table.column("hour", .integer).notNull()
            table.column("hours", .integer).notNull()
            table.column("preferred", .boolean).notNull()
            table.foreignKey(["guild_id", "event_id", "user_id"], references: "team_registrations", onDelete: .cascade)
        }
        try db.create(index: "team_availability_by_driver", on: "team_availability", columns: ["guild_id", "event_id", "user_id"])
        try db.create(table: "team_plans") { table in
            table.column("guild_id", .text).notNull()
            table.column("event_id", .integer).notNull()
            table.column("version", .integer).notNull()
            table.column("plan", .text).notNull()
            table.column("created_by", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.primaryKey(["guild_id", "event_id", "version"])
            table.foreignKey(["guild_id", "event_id"], references: "team_events", onDelete: .cascade)
            table.check(sql: "version >= 0")
        }
        try db.create(table: "team_audit_log") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("guild_id", .text).notNull()
            table.column("at", .datetime).notNull()
            table.column("actor_id", .text).notNull()
            table.column("action", .text).notNull()
            table.column("subject", .text)
            table.column("before", .text)
            table.column("after", .text)
        }
        try db.create(index: "team_audit_log_by_guild", on: "team_audit_log", columns: ["guild_id", "id"])
        for event in ["UPDATE", "DELETE"] {
            try db.execute(sql: """
                CREATE TRIGGER team_audit_log_no_\(event.lowercased()) BEFORE \(event) ON team_audit_log
                BEGIN SELECT RAISE(ABORT, 'team_audit_log is append-only'); END
                """)
        }
        try db.alter(table: "discord_dm_queue") { table in
            table.add(column: "dedupe_key", .text)
            table.add(column: "sent_parts", .integer).notNull().defaults(to: 0)
        }
        try db.create(index: "discord_dm_queue_dedupe", on: "discord_dm_queue", columns: ["dedupe_key"], unique: true)
    }
}
