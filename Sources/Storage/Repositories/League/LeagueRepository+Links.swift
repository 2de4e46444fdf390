import Foundation
import GRDB

extension LeagueRepository {
    /// Links `userID` to iRacing member `memberID` (replacing their earlier link). A member id
    /// belongs to one Discord user per guild: the unique key refuses a second.
    public func link(
        userID: String, to memberID: Int, guildID: String, iracingName: String?, verified: Bool, at now: Date = Date()
    ) async throws -> LeagueLinkOutcome {
        try await withStorageErrors {
            try await database.writer.write { db in
                let previous = try Int.fetchOne(
                    db, sql: "SELECT member_id FROM league_links WHERE guild_id = ? AND user_id = ?", arguments: [guildID, userID])
                do {
                    try db.execute(
                        sql: """
                            INSERT INTO league_links (guild_id, user_id, member_id, iracing_name, verified, linked_at)
                            VALUES (?, ?, ?, ?, ?, ?)
                            ON CONFLICT(guild_id, user_id) DO UPDATE SET member_id = excluded.member_id,
                              iracing_name = excluded.iracing_name, verified = excluded.verified, linked_at = excluded.linked_at
                            """,
                        arguments: [guildID, userID, memberID, iracingName, verified, now])
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                    let owner = try String.fetchOne(
                        db, sql: "SELECT user_id FROM league_links WHERE guild_id = ? AND member_id = ?", arguments: [guildID, memberID])
                    return .linkedToSomeoneElse(userID: owner ?? "")
                }
                if previous != memberID {
                    // A new member id: what the last sync found for the holder's numbers no longer holds.
                    try db.execute(
                        sql: """
                            UPDATE league_claims SET sync_state = 'unchecked', iracing_number = NULL, checked_at = NULL
                            WHERE guild_id = ? AND user_id = ?
                            """,
                        arguments: [guildID, userID])
                    try Self.audit(db, LeagueAuditEntry(
                        guildID: guildID, at: now, actorID: userID, action: .link, subjectID: userID, field: "iracing_member_id",
                        before: previous.map(String.init), after: String(memberID)))
                }
                return .linked(previous: previous)
            }
        }
    }

    /// Every link of the guild.
    public func links(guildID: String) async throws -> [LeagueLink] {
        try await withStorageErrors {
            try await database.writer.read { db in try Self.links(db, guildID: guildID) }
        }
    }

    static func links(_ db: Database, guildID: String) throws -> [LeagueLink] {
        try Row.fetchAll(db, sql: "SELECT * FROM league_links WHERE guild_id = ? ORDER BY user_id", arguments: [guildID]).map { row in
            LeagueLink(
                guildID: row["guild_id"], userID: row["user_id"], memberID: row["member_id"], iracingName: row["iracing_name"],
                verified: row["verified"], linkedAt: row["linked_at"])
        }
    }
}
