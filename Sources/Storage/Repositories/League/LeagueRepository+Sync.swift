import Foundation
import GRDB

/// A guild with a league, as the sync schedule sees it.
public struct LeagueSyncScheduleEntry: Sendable, Equatable {
    public var guildID: String
    public var lastSyncAt: Date?
    /// Minutes between syncs; nil: the server's default; 0: not scheduled.
    public var intervalMinutes: Int?
}

/// What recording a sync changed.
public struct LeagueSyncRecord: Sendable, Equatable {
    /// Every claim's result.
    public var checks: [LeagueRosterComparison.Check]
    /// The claims whose state changed in this sync.
    public var changed: [LeagueRosterComparison.Check]
}

extension LeagueRepository {
    /// The guilds with a league id, with their last sync and interval.
    public func syncSchedule() async throws -> [LeagueSyncScheduleEntry] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT guild_id, last_sync_at, sync_interval_minutes FROM league_guilds WHERE league_id IS NOT NULL"
                ).map { row in
                    LeagueSyncScheduleEntry(
                        guildID: row["guild_id"], lastSyncAt: row["last_sync_at"], intervalMinutes: row["sync_interval_minutes"])
                }
            }
        }
    }

    /// Stores a fetched roster and what it means for every claim, in one transaction: the
    /// roster snapshot is replaced, links are marked verified (or not) with the roster's name,
    /// each claim still held by the same member gets its state, and every state that changed
    /// is written to the audit log (`actorID` nil: the scheduled sync).
    @discardableResult
    public func recordSync(guildID: String, roster: [LeagueRosterRow], actorID: String?, at now: Date = Date()) async throws
        -> LeagueSyncRecord
    {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(sql: "DELETE FROM league_roster WHERE guild_id = ?", arguments: [guildID])
                for row in roster {
                    try db.execute(
                        sql: """
                            INSERT OR REPLACE INTO league_roster (guild_id, member_id, display_name, car_number, fetched_at)
                            VALUES (?, ?, ?, ?, ?)
                            """,
                        arguments: [guildID, row.memberID, row.displayName, row.carNumber, now])
                }
                try db.execute(
                    sql: """
                        UPDATE league_links SET
                          verified = EXISTS (SELECT 1 FROM league_roster r
                            WHERE r.guild_id = league_links.guild_id AND r.member_id = league_links.member_id),
                          iracing_name = COALESCE((SELECT display_name FROM league_roster r
                            WHERE r.guild_id = league_links.guild_id AND r.member_id = league_links.member_id), iracing_name)
                        WHERE guild_id = ?
                        """,
                    arguments: [guildID])
                let claims = try Row.fetchAll(db, sql: "SELECT * FROM league_claims WHERE guild_id = ?", arguments: [guildID])
                    .compactMap(Self.claim).sorted { $0.number < $1.number }
                let checks = LeagueRosterComparison.check(claims: claims, links: try Self.links(db, guildID: guildID), roster: roster)
                var changed: [LeagueRosterComparison.Check] = []
                for (claim, check) in zip(claims, checks) {
                    let signature = LeagueRosterComparison.signature(state: check.state, iracingNumber: check.iracingNumber)
                    try db.execute(
                        sql: """
                            UPDATE league_claims SET sync_state = ?, iracing_number = ?, checked_at = ?,
                              announced = CASE WHEN ? IS NULL THEN NULL ELSE announced END
                            WHERE guild_id = ? AND number = ? AND user_id = ?
                            """,
                        arguments: [check.state.rawValue, check.iracingNumber, now, signature, guildID, check.number.text, check.userID])
                    guard claim.syncState != check.state || claim.iracingNumber != check.iracingNumber else { continue }
                    changed.append(check)
                    try Self.audit(db, LeagueAuditEntry(
                        guildID: guildID, at: now, actorID: actorID, action: .sync, number: check.number.text, subjectID: check.userID,
                        field: "state", before: Self.stateText(claim.syncState, claim.iracingNumber),
                        after: Self.stateText(check.state, check.iracingNumber)))
                }
                try db.execute(
                    sql: "UPDATE league_guilds SET last_sync_at = ?, last_sync_error = NULL, last_sync_roster_count = ? WHERE guild_id = ?",
                    arguments: [now, roster.count, guildID])
                return LeagueSyncRecord(checks: checks, changed: changed)
            }
        }
    }

    /// A sync that could not fetch the roster: the error code is kept for `/syncstatus`, and
    /// the schedule counts the attempt (the next try comes one interval later, or on `/sync`).
    public func recordSyncFailure(guildID: String, code: String, at now: Date = Date()) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "UPDATE league_guilds SET last_sync_at = ?, last_sync_error = ? WHERE guild_id = ?",
                    arguments: [now, code, guildID])
            }
        }
    }

    /// Claims whose difference (missing, different) has not been announced as it is now.
    public func unannouncedDifferences(guildID: String) async throws -> [LeagueClaim] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM league_claims WHERE guild_id = ? AND sync_state IN ('missing', 'different')",
                    arguments: [guildID]
                ).compactMap { row -> LeagueClaim? in
                    guard let claim = Self.claim(row) else { return nil }
                    let signature = LeagueRosterComparison.signature(state: claim.syncState, iracingNumber: claim.iracingNumber)
                    return row["announced"] as String? == signature ? nil : claim
                }.sorted { $0.number < $1.number }
            }
        }
    }

    /// Records that these differences were posted; a claim that changed meanwhile is left alone.
    public func markAnnounced(_ claims: [LeagueClaim], guildID: String) async throws {
        try await withStorageErrors {
            try await database.writer.write { db in
                for claim in claims {
                    guard let signature = LeagueRosterComparison.signature(state: claim.syncState, iracingNumber: claim.iracingNumber)
                    else { continue }
                    try db.execute(
                        sql: """
                            UPDATE league_claims SET announced = ?
                            WHERE guild_id = ? AND number = ? AND user_id = ? AND sync_state = ? AND iracing_number IS ?
                            """,
                        arguments: [signature, guildID, claim.number.text, claim.userID, claim.syncState.rawValue, claim.iracingNumber])
                }
            }
        }
    }

    /// The roster as last fetched, and when.
    public func roster(guildID: String) async throws -> (rows: [LeagueRosterRow], fetchedAt: Date?) {
        try await withStorageErrors {
            try await database.writer.read { db in
                let rows = try Row.fetchAll(
                    db, sql: "SELECT * FROM league_roster WHERE guild_id = ? ORDER BY member_id", arguments: [guildID])
                let fetchedAt = rows.first.map { $0["fetched_at"] as Date }
                let members = rows.map { row in
                    LeagueRosterRow(memberID: row["member_id"], displayName: row["display_name"], carNumber: row["car_number"])
                }
                return (members, fetchedAt)
            }
        }
    }

    /// "synced", "missing", "different:07" as the audit log writes a state.
    static func stateText(_ state: LeagueSyncState, _ iracingNumber: String?) -> String {
        state == .different ? "different:\(iracingNumber ?? "")" : state.rawValue
    }
}
