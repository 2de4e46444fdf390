import Foundation
import GRDB

extension LeagueRepository {
    /// `userID` claims `number`, holding at most `maxPerMember` numbers (nil: no limit, for an
    /// admin's assignment). The primary key (guild, number) decides between simultaneous claims:
    /// the insert is tried, not preceded by a look, and a second one fails on the constraint.
    public func claim(
        _ number: CarNumber, guildID: String, userID: String, userName: String?, maxPerMember: Int?, actorID: String,
        at now: Date = Date()
    ) async throws -> LeagueClaimOutcome {
        try await withStorageErrors {
            try await database.writer.write { db in
                if let maxPerMember {
                    let held = try Self.numbers(db, guildID: guildID, userID: userID)
                    if held.contains(number) { return .alreadyHeld }
                    if held.count >= maxPerMember { return .limitReached(held: held) }
                }
                do {
                    try db.execute(
                        sql: """
                            INSERT INTO league_claims (guild_id, number, user_id, user_name, claimed_at, assigned_by)
                            VALUES (?, ?, ?, ?, ?, ?)
                            """,
                        arguments: [guildID, number.text, userID, userName, now, actorID == userID ? nil : actorID])
                } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_PRIMARYKEY {
                    let holder = try Self.holder(db, guildID: guildID, number: number) ?? ""
                    return holder == userID ? .alreadyHeld : .takenBy(userID: holder)
                }
                try Self.audit(db, LeagueAuditEntry(
                    guildID: guildID, at: now, actorID: actorID, action: actorID == userID ? .claim : .assign, number: number.text,
                    subjectID: userID, after: userID))
                return .claimed
            }
        }
    }

    /// Releases `number`: a member's own (`force` false) or anyone's (`force`, an admin).
    public func release(_ number: CarNumber, guildID: String, actorID: String, force: Bool, at now: Date = Date()) async throws
        -> LeagueReleaseOutcome
    {
        try await withStorageErrors {
            try await database.writer.write { db in
                guard let holder = try Self.holder(db, guildID: guildID, number: number) else { return .notHeld }
                guard force || holder == actorID else { return .heldBy(userID: holder) }
                try db.execute(
                    sql: "DELETE FROM league_claims WHERE guild_id = ? AND number = ? AND user_id = ?",
                    arguments: [guildID, number.text, holder])
                try Self.audit(db, LeagueAuditEntry(
                    guildID: guildID, at: now, actorID: actorID, action: force ? .forceRelease : .release, number: number.text,
                    subjectID: holder, before: holder))
                return .released(holder: holder)
            }
        }
    }

    /// Every number held in the guild, in number order (7, 07, 007, 8...).
    public func claims(guildID: String) async throws -> [LeagueClaim] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM league_claims WHERE guild_id = ?", arguments: [guildID])
                    .compactMap(Self.claim).sorted { $0.number < $1.number }
            }
        }
    }

    /// One number's claim, or nil when it is free.
    public func claim(_ number: CarNumber, guildID: String) async throws -> LeagueClaim? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchOne(
                    db, sql: "SELECT * FROM league_claims WHERE guild_id = ? AND number = ?", arguments: [guildID, number.text]
                ).flatMap(Self.claim)
            }
        }
    }

    static func numbers(_ db: Database, guildID: String, userID: String) throws -> [CarNumber] {
        try String.fetchAll(db, sql: "SELECT number FROM league_claims WHERE guild_id = ? AND user_id = ?", arguments: [guildID, userID])
            .compactMap(CarNumber.init).sorted()
    }

    static func holder(_ db: Database, guildID: String, number: CarNumber) throws -> String? {
        try String.fetchOne(
            db, sql: "SELECT user_id FROM league_claims WHERE guild_id = ? AND number = ?", arguments: [guildID, number.text])
    }

    static func claim(_ row: Row) -> LeagueClaim? {
        guard let number = CarNumber(row["number"]) else { return nil }
        return LeagueClaim(
            guildID: row["guild_id"], number: number, userID: row["user_id"], userName: row["user_name"], claimedAt: row["claimed_at"],
            assignedBy: row["assigned_by"], syncState: LeagueSyncState(rawValue: row["sync_state"]) ?? .unchecked,
            iracingNumber: row["iracing_number"], checkedAt: row["checked_at"])
    }
}
