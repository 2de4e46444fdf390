import GRDB

extension Schema {
    /// "v11-team-messages": the short messages a team-mate sent a driver from the web `/team`
    /// page, who sent them and whether and where the driver heard them (docs/web.md, "Team").
    ///
    /// `outcome`: `waiting` (queued for the driver's live session), `said` (with the session,
    /// lap and lap distance where it was said) or `not_said` (the session ended first).
    static func createTeamMessageTables(_ db: Database) throws {
        try db.create(table: "team_messages") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("guild_id", .text).notNull()
            table.column("driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            table.column("sender_driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            table.column("text", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.column("outcome", .text).notNull()
            table.column("said_at", .datetime)
            table.column("session_id", .text)
            table.column("lap_number", .integer)
            table.column("lap_distance", .double)
            table.check(sql: "outcome IN ('waiting', 'said', 'not_said')")
        }
    }
}

extension Schema {
    /// "v12-cue-places": where each cue was said (`said_distance`, the lap distance of the frame
    /// after which it was said; the web cue page puts it against the cue's deadline) and, for a
    /// team message, who sent it (`from_name`). Both nil for cues stored before.
    static func addCuePlaces(_ db: Database) throws {
        try db.alter(table: "cues") { table in
            table.add(column: "said_distance", .double)
            table.add(column: "from_name", .text)
        }
    }
}
