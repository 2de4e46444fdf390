import GRDB

/// The database schema, as GRDB migrations run in order at open. A migration, once shipped,
/// is never edited: later changes are new migrations (`v2`, ...).
enum Schema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1", migrate: createVersion1)
        migrator.registerMigration("v2-iracing", migrate: createIRacingTables)
        migrator.registerMigration("v3-discord", migrate: createDiscordTables)
        // League car numbers in Discord (Schema+League.swift).
        migrator.registerMigration("v5-league-numbers", migrate: createLeagueTables)
        // Access: token expiry and revocation, REST paging, Discord opt-in, result re-send checks.
        migrator.registerMigration("v6-token-lifecycle", migrate: addTokenLifecycle)
        migrator.registerMigration("v6-page-indexes", migrate: addPageIndexes)
        migrator.registerMigration("v6-discord-links", migrate: createDiscordLinkTables)
        migrator.registerMigration("v6-outbox-attempts", migrate: addOutboxAttempts)
        // Sign-in for the listen page (Schema+BrowserSessions.swift).
        migrator.registerMigration("v7-browser-sessions", migrate: createBrowserSessionTables)
        migrator.registerMigration("v8-team-events", migrate: createTeamTables)
        // Sign-in with Discord for the web pages (Schema+DiscordSignIn.swift).
        migrator.registerMigration("v9-discord-sign-in", migrate: createDiscordSignInTables)
        // Plan edits, event deletion, stint reminders, broadcasts (Schema+TeamEdits.swift).
        migrator.registerMigration("v10-team-plan-edits", migrate: createTeamEditTables)
        // The web team page's messages to drivers (Schema+TeamMessages.swift).
        migrator.registerMigration("v11-team-messages", migrate: createTeamMessageTables)
        migrator.registerMigration("v12-cue-places", migrate: addCuePlaces)
        // Drivers' coaching settings between sessions (Schema+DriverSettings.swift).
        migrator.registerMigration("v13-driver-coaching-settings", migrate: createDriverSettingsTable)
        return migrator
    }

    private static func createVersion1(_ db: Database) throws {
        try db.create(table: "drivers") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("name", .text).notNull().unique()
            table.column("created_at", .datetime).notNull()
        }
        try db.create(table: "tokens") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            // SHA-256 of the token, lowercase hex; the token itself is never stored.
            table.column("token_hash", .text).notNull().unique()
            table.column("label", .text)
            table.column("created_at", .datetime).notNull()
        }
        try db.create(table: "sessions") { table in
            table.primaryKey("id", .text)
            table.column("driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            table.column("sim", .text).notNull()
            table.column("track_name", .text).notNull()
            table.column("track_config", .text).notNull()
            table.column("track_length", .double).notNull()
            table.column("car", .text).notNull()
            table.column("session_type", .text).notNull()
            table.column("reference_source", .text)
            table.column("reference_reason", .text).notNull()
            table.column("started_at", .datetime).notNull()
            table.column("ended_at", .datetime)
        }
        try createLapTables(db)
        try createCoachingTables(db)
    }

    private static func createLapTables(_ db: Database) throws {
        try db.create(table: "laps") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("session_id", .text).notNull().references("sessions", onDelete: .cascade)
            // Copied from the session so every read can be scoped by driver with one index.
            table.column("driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            table.column("lap_number", .integer).notNull()
            // Session time of the first frame: with the lap number, identifies a lap across a
            // resume, so the same lap is never stored twice (and a reset lap with a reused
            // number still is a different lap).
            table.column("start_time", .double).notNull()
            table.column("lap_time", .double)
            table.column("valid", .boolean).notNull()
            table.column("invalid_reason", .text)
            table.column("delta_to_reference", .double)
            table.column("frame_count", .integer).notNull()
            table.column("created_at", .datetime).notNull()
            table.uniqueKey(["session_id", "lap_number", "start_time"])
        }
        try db.create(table: "lap_telemetry") { table in
            table.primaryKey("lap_id", .integer).references("laps", onDelete: .cascade)
            table.column("codec", .text).notNull()
            table.column("channel_mask", .integer).notNull()
            table.column("frame_count", .integer).notNull()
            table.column("data", .blob).notNull()
        }
        try db.create(table: "corners") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("lap_id", .integer).notNull().indexed().references("laps", onDelete: .cascade)
            table.column("corner", .integer).notNull()
            table.column("name", .text)
            // Measurements are nullable: SQLite stores a NaN as NULL, and a lap with one
            // unmeasurable number must still be stored (NULL reads back as NaN).
            table.column("start_distance", .double)
            table.column("apex_distance", .double)
            table.column("end_distance", .double)
            table.column("brake_point", .double)
            table.column("peak_brake", .double)
            table.column("minimum_speed", .double)
            table.column("throttle_pickup", .double)
            table.column("apex_gear", .integer).notNull()
            table.column("coasting_distance", .double)
            // The lap's `CueNumbers` against its reference, one column per number.
            table.column("vs_brake_point_delta", .double)
            table.column("vs_peak_brake_delta", .double)
            table.column("vs_minimum_speed_delta", .double)
            table.column("vs_throttle_pickup_delta", .double)
            table.column("vs_apex_gear", .integer)
            table.column("vs_reference_apex_gear", .integer)
            table.column("vs_coasting_distance", .double)
            table.column("vs_time_delta", .double)
        }
        try db.create(table: "braking_zones") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("lap_id", .integer).notNull().indexed().references("laps", onDelete: .cascade)
            table.column("start_distance", .double)
            table.column("end_distance", .double)
            table.column("peak_pressure", .double)
            table.column("entry_speed", .double)
            table.column("exit_speed", .double)
        }
    }

    private static func createCoachingTables(_ db: Database) throws {
        try db.create(table: "cues") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("session_id", .text).notNull().references("sessions", onDelete: .cascade)
            table.column("cue_id", .integer).notNull()
            table.column("lap_number", .integer).notNull()
            table.column("kind", .text).notNull()
            table.column("topic", .text).notNull()
            table.column("corner", .integer).notNull()
            table.column("corner_name", .text)
            table.column("severity", .integer).notNull()
            table.column("text", .text).notNull()
            table.column("numbers_json", .text).notNull()
            table.column("batch_sequence", .integer).notNull()
            table.column("deadline", .double)
            table.column("sent_at", .datetime).notNull()
            // Cue ids are unique within a session: a resumed session re-recording is a no-op.
            table.uniqueKey(["session_id", "cue_id"])
        }
        try db.create(table: "driver_references") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("driver_id", .integer).notNull().references("drivers", onDelete: .cascade)
            table.column("track_key", .text).notNull()
            table.column("car", .text).notNull()
            table.column("lap_time", .double).notNull()
            table.column("metadata_json", .text).notNull()
            table.column("codec", .text).notNull()
            table.column("data", .blob).notNull()
            table.column("updated_at", .datetime).notNull()
            table.uniqueKey(["driver_id", "track_key", "car"])
        }
    }
}
