import Foundation
import GRDB

extension LeagueRepository {
    /// Links `userID` to iRacing member `memberID` (replacing their earlier link). A member id
    /// belongs to one Discord user per guild: the unique key refuses a second, unless an admin
    /// links it (`takeOver`), which first removes the other user's link (audited).
    public func link(
        userID: String, to memberID: Int, guildID: String, iracingName: String?, verified: Bool, actorID: String? = nil,
        takeOver: Bool = false, at now: Date = Date()
    ) async throws -> LeagueLinkOutcome {
        let actorID = actorID ?? userID
        return try await withStorageErrors {
            try await database.writer.write { db in
                let previous = try Int.fetchOne(
                    db, sql: "SELECT member_id FROM league_links WHERE guild_id = ? AND user_id = ?", arguments: [guildID, userID])
                if takeOver, let owner = try Self.owner(db, of: memberID, guildID: guildID), owner != userID {
                    try db.execute(sql: "DELETE FROM league_links WHERE guild_id = ? AND user_id = ?", arguments: [guildID, owner])
                    try Self.resetStates(db, guildID: guildID, userID: owner)
                    try Self.audit(db, LeagueAuditEntry(
                        guildID: guildID, at: now, actorID: actorID, action: .link, subjectID: owner, field: "iracing_member_id",
                        before: String(memberID)))
                }
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
                    return .linkedToSomeoneElse(userID: try Self.owner(db, of: memberID, guildID: guildID) ?? "")
                }
                if previous != memberID {
                    // A new member id: what the last sync found for the holder's numbers no longer holds.
                    try Self.resetStates(db, guildID: guildID, userID: userID)
                    try Self.audit(db, LeagueAuditEntry(
                        guildID: guildID, at: now, actorID: actorID, action: .link, subjectID: userID, field: "iracing_member_id",
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

    private static func owner(_ db: Database, of memberID: Int, guildID: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT user_id FROM league_links WHERE guild_id = ? AND member_id = ?", arguments: [guildID, memberID])
    }

    private static func resetStates(_ db: Database, guildID: String, userID: String) throws {
        try db.execute(
            sql: """
                UPDATE league_claims SET sync_state = 'unchecked', iracing_number = NULL, checked_at = NULL
                WHERE guild_id = ? AND user_id = ?
                """,
            arguments: [guildID, userID])
    }
}
