import GRDB

extension Schema {
    /// "v6-token-lifecycle": tokens can expire and be revoked. Both columns stay NULL for a token
    /// that never expires and is in use. A revoked token's row is kept (with `revoked_at`), so
    /// `trailbrake token list` still shows it and a running server can tell it apart from a
    /// token it never knew.
    static func addTokenLifecycle(_ db: Database) throws {
        try db.alter(table: "tokens") { table in
            table.add(column: "expires_at", .datetime)
            table.add(column: "revoked_at", .datetime)
        }
    }
}
