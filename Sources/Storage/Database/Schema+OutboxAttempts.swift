import GRDB

extension Schema {
    /// "v6-outbox-attempts": when a result post was first handed to the publisher. A pending post
    /// with this set may already be in the channel (its answer was lost, or the process died
    /// before marking it), so it is looked for there before it is sent again.
    static func addOutboxAttempts(_ db: Database) throws {
        try db.alter(table: "iracing_outbox") { table in
            table.add(column: "first_attempt_at", .datetime)
        }
    }
}
