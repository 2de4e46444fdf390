import Foundation
import GRDB

extension TeamRepository {
    /// The guild's language (the one `/config language` and `/team language` set; English until set).
    public func language(guildID: String) async throws -> GuildLanguage {
        try await withStorageErrors {
            try await database.writer.read { db in try LeagueRepository.language(db, guildID: guildID) }
        }
    }

    /// Sets the guild's language; returns false when it was already that one. Audited.
    @discardableResult
    public func setLanguage(_ language: GuildLanguage, guildID: String, actorID: String, at now: Date = Date()) async throws -> Bool {
        try await withStorageErrors {
            try await database.writer.write { db in
                let before = try LeagueRepository.language(db, guildID: guildID)
                guard before != language else { return false }
                try db.execute(
                    sql: """
                        INSERT INTO discord_guilds (guild_id, language, updated_at) VALUES (?, ?, ?)
                        ON CONFLICT (guild_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at
                        """,
                    arguments: [guildID, language.rawValue, now])
                try Self.audit(db, TeamAuditEntry(
                    guildID: guildID, at: now, actorID: actorID, action: .language, before: before.rawValue, after: language.rawValue))
                return true
            }
        }
    }
}
