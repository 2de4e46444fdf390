import Foundation
import GRDB

extension TeamRepository {
    /// The events a reader may see on the web: those of the guilds where one of their Discord
    /// accounts is a team member (seen at an interaction) or signed up, newest start first, at
    /// most `limit`. Each with whether one of the accounts signed up for it.
    public func visibleEvents(discordUsers: [String], limit: Int) async throws -> [(event: TeamEventRecord, signedUp: Bool)] {
        guard !discordUsers.isEmpty else { return [] }
        let marks = discordUsers.map { _ in "?" }.joined(separator: ",")
        return try await withStorageErrors {
            try await database.writer.read { db in
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT e.guild_id, e.event_id,
                          EXISTS (SELECT 1 FROM team_registrations r WHERE r.guild_id = e.guild_id AND r.event_id = e.event_id
                            AND r.user_id IN (\(marks))) AS signed_up
                        FROM team_events e
                        WHERE EXISTS (SELECT 1 FROM team_members m WHERE m.guild_id = e.guild_id AND m.user_id IN (\(marks)))
                          OR EXISTS (SELECT 1 FROM team_registrations r WHERE r.guild_id = e.guild_id AND r.user_id IN (\(marks)))
                        ORDER BY e.start_at DESC LIMIT ?
                        """,
                    arguments: StatementArguments(discordUsers + discordUsers + discordUsers + [max(0, limit)]))
                return try rows.compactMap { row in
                    try Self.event(db, guildID: row["guild_id"], eventID: row["event_id"]).map { ($0, row["signed_up"] as Bool) }
                }
            }
        }
    }
}

extension DiscordSignInRepository {
    /// The Discord accounts that sign in as this driver (how the web pages find a driver's teams).
    public func discordUsers(driverID: Int64) async throws -> [String] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try String.fetchAll(
                    db, sql: "SELECT discord_user_id FROM discord_sign_in_users WHERE driver_id = ? ORDER BY discord_user_id", arguments: [driverID])
            }
        }
    }
}
