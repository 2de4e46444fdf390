import GRDB

extension Schema {
    /// "v13-driver-coaching-settings": each driver's coaching settings, kept between sessions
    /// (issue 16; the rule that fills and reads them is Coaching's `DriverSettings`). One row per
    /// driver, written at each session start; values are the protocol's strings.
    static func createDriverSettingsTable(_ db: Database) throws {
        try db.create(table: "driver_coaching_settings") { table in
            table.primaryKey("driver_id", .integer).references("drivers", onDelete: .cascade)
            table.column("verbosity", .text).notNull()
            table.column("units", .text).notNull()
            // Topic names joined by commas (protocol names have none), in protocol order.
            table.column("topics_off", .text).notNull()
            table.column("language", .text).notNull()
            table.column("updated_at", .datetime).notNull()
        }
    }
}
