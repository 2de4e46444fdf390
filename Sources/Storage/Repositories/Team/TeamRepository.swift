import Foundation
import GRDB

/// The team tools' state of every guild: the role mapping, events, sign-ups, marked hours,
/// plans and the audit log. Every method takes the guild and touches only its rows; every
/// change that is audited writes its entry in the same transaction.
public struct TeamRepository: Sendable {
    let database: TrailbrakeDatabase
    public let limits: TeamLimits

    public init(database: TrailbrakeDatabase, limits: TeamLimits = TeamLimits()) {
        self.database = database
        self.limits = limits
    }

    /// The guild's mapping, Discord role id -> team role.
    public func roleMap(guildID: String) async throws -> [String: TeamRole] {
        try await withStorageErrors {
            try await database.writer.read { db in
                var map: [String: TeamRole] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT role_id, level FROM team_role_map WHERE guild_id = ?", arguments: [guildID]) {
                    if let role = TeamRole(rawValue: row["level"]) { map[row["role_id"]] = role }
                }
                return map
            }
        }
    }

    /// Maps `roleID` to `role` (nil removes it). Returns false when nothing changed; a change is
    /// audited with the role before and after.
    @discardableResult
    public func mapRole(guildID: String, roleID: String, to role: TeamRole?, actorID: String, at now: Date = Date()) async throws -> Bool {
        let limit = limits.rolesPerGuild
        return try await withStorageErrors {
            try await database.writer.write { db in
                let before = try String.fetchOne(
                    db, sql: "SELECT level FROM team_role_map WHERE guild_id = ? AND role_id = ?", arguments: [guildID, roleID])
                guard before != role?.rawValue else { return false }
                if let role {
                    if before == nil {
                        let count = try Int.fetchOne(db, sql: "SELECT count(*) FROM team_role_map WHERE guild_id = ?", arguments: [guildID]) ?? 0
                        guard count < limit else { throw StorageError.limitReached("roles_per_guild") }
                    }
                    try db.execute(
                        sql: "INSERT OR REPLACE INTO team_role_map (guild_id, role_id, level, updated_at) VALUES (?, ?, ?, ?)",
                        arguments: [guildID, roleID, role.rawValue, now])
                } else {
                    try db.execute(sql: "DELETE FROM team_role_map WHERE guild_id = ? AND role_id = ?", arguments: [guildID, roleID])
                }
                try Self.audit(db, TeamAuditEntry(
                    guildID: guildID, at: now, actorID: actorID, action: .roleMap, subject: roleID, before: before, after: role?.rawValue))
                return true
            }
        }
    }

    /// Records the member's team role as worked out from their roles at this interaction.
    /// Returns the role stored before when it differed (the change is audited then); a first
    /// sighting is audited unless the member is a guest.
    @discardableResult
    public func observe(guildID: String, userID: String, role: TeamRole, at now: Date = Date()) async throws -> TeamRole? {
        try await withStorageErrors {
            try await database.writer.write { db in
                let stored = try String.fetchOne(
                    db, sql: "SELECT level FROM team_members WHERE guild_id = ? AND user_id = ?", arguments: [guildID, userID])
                    .flatMap(TeamRole.init(rawValue:))
                guard stored != role else { return nil }
                try db.execute(
                    sql: "INSERT OR REPLACE INTO team_members (guild_id, user_id, level, seen_at) VALUES (?, ?, ?, ?)",
                    arguments: [guildID, userID, role.rawValue, now])
                if stored != nil || role != .guest {
                    try Self.audit(db, TeamAuditEntry(
                        guildID: guildID, at: now, actorID: userID, action: .memberRole, subject: userID, before: stored?.rawValue,
                        after: role.rawValue))
                }
                return stored
            }
        }
    }

    /// The guild's newest `limit` entries, oldest first.
    public func auditLog(guildID: String, limit: Int) async throws -> [TeamAuditEntry] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT * FROM team_audit_log WHERE guild_id = ? ORDER BY id DESC LIMIT ?", arguments: [guildID, max(0, limit)]
                ).reversed().map { row in
                    TeamAuditEntry(
                        guildID: row["guild_id"], at: row["at"], actorID: row["actor_id"],
                        action: TeamAuditEntry.Action(rawValue: row["action"]) ?? .roleMap, subject: row["subject"], before: row["before"],
                        after: row["after"])
                }
            }
        }
    }

    /// Appends one entry; triggers refuse updates and deletes of the table.
    static func audit(_ db: Database, _ entry: TeamAuditEntry) throws {
        try db.execute(
            sql: "INSERT INTO team_audit_log (guild_id, at, actor_id, action, subject, before, after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            arguments: [entry.guildID, entry.at, entry.actorID, entry.action.rawValue, entry.subject, entry.before, entry.after])
    }

    /// Text from outside within the length limit.
    func checkText(_ values: String...) throws {
        for value in values where value.unicodeScalars.count > limits.textLength || value.isEmpty {
            throw StorageError.limitReached("text_length")
        }
    }
}
