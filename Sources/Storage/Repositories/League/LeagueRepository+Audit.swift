import Foundation
import GRDB

extension LeagueRepository {
    /// The guild's newest `limit` entries, oldest first; with `userID`, only the entries that user
    /// made or that are about them.
    public func auditLog(guildID: String, userID: String? = nil, limit: Int) async throws -> [LeagueAuditEntry] {
        try await withStorageErrors {
            try await database.writer.read { db in
                let filter = userID == nil ? "" : "AND (actor_id = :user OR subject_id = :user)"
                let rows = try Row.fetchAll(
                    db,
                    sql: "SELECT * FROM league_audit_log WHERE guild_id = :guild \(filter) ORDER BY id DESC LIMIT :limit",
                    arguments: ["guild": guildID, "user": userID, "limit": max(0, limit)])
                return rows.reversed().map(Self.auditEntry)
            }
        }
    }

    /// Appends one entry. The table refuses updates and deletes (triggers), so this is the only
    /// way anything reaches it.
    static func audit(_ db: Database, _ entry: LeagueAuditEntry) throws {
        try db.execute(
            sql: """
                INSERT INTO league_audit_log (guild_id, at, actor_id, action, number, subject_id, field, before, after)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                entry.guildID, entry.at, entry.actorID, entry.action.rawValue, entry.number, entry.subjectID, entry.field,
                entry.before, entry.after,
            ])
    }

    private static func auditEntry(_ row: Row) -> LeagueAuditEntry {
        LeagueAuditEntry(
            id: row["id"], guildID: row["guild_id"], at: row["at"], actorID: row["actor_id"],
            action: LeagueAuditAction(rawValue: row["action"]) ?? .config, number: row["number"], subjectID: row["subject_id"],
            field: row["field"], before: row["before"], after: row["after"])
    }
}
