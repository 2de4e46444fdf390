import GRDB

extension Schema {
    /// "v7-browser-sessions": sign-in for the listen page. A login link (`trailbrake login-link`)
    /// is exchanged once for a browser session, which the browser then holds as a cookie. Both
    /// secrets are stored only as SHA-256 hashes, like tokens.
    static func createBrowserSessionTables(_ db: Database) throws {
        try db.create(table: "login_links") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            table.column("link_hash", .text).notNull().unique()
            table.column("created_at", .datetime).notNull()
            table.column("expires_at", .datetime).notNull()
            // Set when the link is exchanged for a session: a link works once.
            table.column("used_at", .datetime)
        }
        try db.create(table: "browser_sessions") { table in
            table.autoIncrementedPrimaryKey("id")
            table.column("driver_id", .integer).notNull().indexed().references("drivers", onDelete: .cascade)
            table.column("session_hash", .text).notNull().unique()
            // Sent back in the page's forms (sign-out): not a credential without the cookie.
            table.column("csrf_token", .text).notNull()
            table.column("created_at", .datetime).notNull()
            table.column("expires_at", .datetime).notNull().indexed()
        }
    }
}
