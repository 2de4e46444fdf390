import GRDB

/// Migration "v2-iracing": the results poller's tables.
///
/// - `iracing_tracked_drivers`: who each Discord guild follows (optionally for one league).
/// - `iracing_subsessions`: each fetched result, once, as iRacing sent it (JSON), shared by
///   every guild; `iracing_subsession_members` links it to the members in it.
/// - `iracing_lap_data`: a member's laps in a subsession (later a reference-lap candidate).
/// - `iracing_outbox`: one row per (guild, subsession) post, `pending` until published.
/// - `iracing_poll_state`: the newest end time seen per search scope (a league search, ...).
extension Schema {
    static func createIRacingTables(_ db: Database) throws {
        try db.create(table: "iracing_tracked_drivers") { table in
            table.column("guild_id", .integer).notNull()
            table.column("member_id", .integer).notNull().indexed()
            table.column("league_id", .integer)
            table.column("display_name", .text)
            table.column("tracked_since", .datetime).notNull()
            table.primaryKey(["guild_id", "member_id"])
        }
        try db.create(table: "iracing_subsessions") { table in
            table.primaryKey("subsession_id", .integer)
            table.column("start_time", .datetime)
            table.column("end_time", .datetime)
            table.column("league_id", .integer)
            table.column("result_json", .blob).notNull()
            table.column("fetched_at", .datetime).notNull()
        }
        try db.create(table: "iracing_subsession_members") { table in
            table.column("subsession_id", .integer).notNull().references("iracing_subsessions", onDelete: .cascade)
            table.column("member_id", .integer).notNull().indexed()
            table.primaryKey(["subsession_id", "member_id"])
        }
        try db.create(table: "iracing_lap_data") { table in
            table.column("subsession_id", .integer).notNull().references("iracing_subsessions", onDelete: .cascade)
            table.column("member_id", .integer).notNull()
            table.column("simsession_number", .integer).notNull()
            table.column("laps_json", .blob).notNull()
            table.column("fetched_at", .datetime).notNull()
            table.primaryKey(["subsession_id", "member_id", "simsession_number"])
        }
        try db.create(table: "iracing_outbox") { table in
            table.column("guild_id", .integer).notNull()
            table.column("subsession_id", .integer).notNull().references("iracing_subsessions", onDelete: .cascade)
            table.column("payload_json", .blob).notNull()
            table.column("state", .text).notNull().indexed()
            table.column("attempts", .integer).notNull().defaults(to: 0)
            table.column("created_at", .datetime).notNull()
            table.column("posted_at", .datetime)
            table.primaryKey(["guild_id", "subsession_id"])
        }
        try db.create(table: "iracing_poll_state") { table in
            table.primaryKey("scope", .text)
            table.column("last_end_time", .datetime).notNull()
        }
    }
}
