import Foundation
import GRDB

/// The league-numbers state of every guild: settings, claims, iRacing links, the last roster and
/// the audit log. Every method takes the guild and touches only its rows; every change writes
/// its audit entry in the same transaction, so the log never misses or invents a change.
public struct LeagueRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// The guild's settings; nil before `/setup`.
    public func settings(guildID: String) async throws -> LeagueSettings? {
        try await withStorageErrors {
            try await database.writer.read { db in try Self.settings(db, guildID: guildID) }
        }
    }

    /// The guild's language (English until set), with or without league settings.
    public func language(guildID: String) async throws -> GuildLanguage {
        try await withStorageErrors {
            try await database.writer.read { db in try Self.language(db, guildID: guildID) }
        }
    }

    /// Applies `changes`, creating the guild's settings with `range` when there are none yet
    /// (`/setup`); with `range` nil the settings must exist (`/config`). Returns the settings
    /// after the change; each setting that changed gets an audit entry.
    @discardableResult
    public func apply(
        _ changes: [LeagueSettingChange], guildID: String, actorID: String, creatingWith range: ClosedRange<Int>? = nil,
        at now: Date = Date()
    ) async throws -> LeagueSettings {
        try await withStorageErrors {
            try await database.writer.write { db in
                let existing = try Self.settings(db, guildID: guildID)
                guard var settings = existing ?? range.map({ LeagueSettings(guildID: guildID, range: $0) }) else {
                    throw StorageError.notFound("league settings of guild \(guildID)")
                }
                settings.language = try Self.language(db, guildID: guildID)
                let before = settings
                if existing == nil, let range {
                    try Self.audit(db, LeagueAuditEntry(
                        guildID: guildID, at: now, actorID: actorID, action: .config, field: "range", after: Self.text(range)))
                }
                for change in changes {
                    let old = Self.value(of: change, in: settings)
                    settings.apply(change)
                    let new = Self.value(of: change, in: settings)
                    if old != new {
                        try Self.audit(db, LeagueAuditEntry(
                            guildID: guildID, at: now, actorID: actorID, action: .config, field: change.field, before: old, after: new))
                    }
                }
                guard existing == nil || settings != before else { return settings }
                try Self.write(db, settings, at: now)
                return settings
            }
        }
    }

    static func settings(_ db: Database, guildID: String) throws -> LeagueSettings? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM league_guilds WHERE guild_id = ?", arguments: [guildID]) else {
            return nil
        }
        let from: Int = row["range_from"]
        let to: Int = row["range_to"]
        return LeagueSettings(
            guildID: guildID, leagueID: row["league_id"], range: from...max(from, to), adminRoleID: row["admin_role_id"],
            announceChannelID: row["announce_channel_id"], maxPerMember: row["max_per_member"], leadingZeros: row["leading_zeros"],
            syncIntervalMinutes: row["sync_interval_minutes"], language: try language(db, guildID: guildID),
            lastSyncAt: row["last_sync_at"], lastSyncError: row["last_sync_error"], lastSyncRosterCount: row["last_sync_roster_count"])
    }

    static func language(_ db: Database, guildID: String) throws -> GuildLanguage {
        let code = try String.fetchOne(db, sql: "SELECT language FROM discord_guilds WHERE guild_id = ?", arguments: [guildID])
        return code.flatMap(GuildLanguage.init(rawValue:)) ?? .english
    }

    private static func write(_ db: Database, _ settings: LeagueSettings, at now: Date) throws {
        try db.execute(
            sql: """
                INSERT INTO league_guilds (guild_id, league_id, range_from, range_to, admin_role_id, announce_channel_id,
                  max_per_member, leading_zeros, sync_interval_minutes, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT(guild_id) DO UPDATE SET league_id = excluded.league_id, range_from = excluded.range_from,
                  range_to = excluded.range_to, admin_role_id = excluded.admin_role_id,
                  announce_channel_id = excluded.announce_channel_id, max_per_member = excluded.max_per_member,
                  leading_zeros = excluded.leading_zeros, sync_interval_minutes = excluded.sync_interval_minutes,
                  updated_at = excluded.updated_at
                """,
            arguments: [
                settings.guildID, settings.leagueID, settings.range.lowerBound, settings.range.upperBound, settings.adminRoleID,
                settings.announceChannelID, settings.maxPerMember, settings.leadingZeros, settings.syncIntervalMinutes, now,
            ])
        try db.execute(
            sql: """
                INSERT INTO discord_guilds (guild_id, language, updated_at) VALUES (?, ?, ?)
                ON CONFLICT(guild_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at
                """,
            arguments: [settings.guildID, settings.language.rawValue, now])
    }

    /// A setting's value as the audit log writes it.
    static func value(of change: LeagueSettingChange, in settings: LeagueSettings) -> String? {
        switch change {
        case .league: settings.leagueID.map(String.init)
        case .range: text(settings.range)
        case .adminRole: settings.adminRoleID
        case .announceChannel: settings.announceChannelID
        case .maxPerMember: String(settings.maxPerMember)
        case .leadingZeros: settings.leadingZeros ? "on" : "off"
        case .syncInterval: settings.syncIntervalMinutes.map(String.init)
        case .language: settings.language.rawValue
        }
    }

    static func text(_ range: ClosedRange<Int>) -> String { "\(range.lowerBound)-\(range.upperBound)" }
}

extension LeagueSettings {
    mutating func apply(_ change: LeagueSettingChange) {
        switch change {
        case .league(let id): leagueID = id
        case .range(let range): self.range = range
        case .adminRole(let role): adminRoleID = role
        case .announceChannel(let channel): announceChannelID = channel
        case .maxPerMember(let count): maxPerMember = count
        case .leadingZeros(let allowed): leadingZeros = allowed
        case .syncInterval(let minutes): syncIntervalMinutes = minutes
        case .language(let language): self.language = language
        }
    }
}
