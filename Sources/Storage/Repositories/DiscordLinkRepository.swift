import Foundation
import GRDB

/// Which Discord guilds may see which drivers. A guild sees a driver (reports, the live feed)
/// only after the driver opted in: `trailbrake discord link-code` makes a one-time code, and a
/// member of the guild enters it with `/coach link`. Either side can withdraw it.
public struct DiscordLinkRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// A new one-time code for the driver, valid for `lifetime`. Earlier unused codes of the
    /// driver keep working until they expire; expired ones are deleted here.
    public func createCode(driverID: Int64, lifetime: Duration, now: Date = Date()) async throws -> DiscordLinkCode {
        let seconds = Double(lifetime.components.seconds) + Double(lifetime.components.attoseconds) / 1e18
        guard seconds > 0 else { throw StorageError.invalidInput("a link code must be valid for some time") }
        let code = DiscordLinkCodeFormat.generate()
        let expiresAt = now.addingTimeInterval(seconds)
        guard let normalised = DiscordLinkCodeFormat.normalise(code) else { throw StorageError.databaseFailure("bad link code") }
        try await withStorageErrors {
            try await database.writer.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM drivers WHERE id = ?", arguments: [driverID]) != nil else {
                    throw StorageError.notFound("driver \(driverID)")
                }
                try db.execute(sql: "DELETE FROM discord_link_codes WHERE expires_at <= ?", arguments: [now])
                try db.execute(
                    sql: "INSERT INTO discord_link_codes (code_hash, driver_id, expires_at, created_at) VALUES (?, ?, ?, ?)",
                    arguments: [DiscordLinkCodeFormat.hash(normalised), driverID, expiresAt, now])
            }
        }
        return DiscordLinkCode(code: code, expiresAt: expiresAt)
    }

    /// Uses a code: links its driver to the guild and deletes the code (it works once). nil for a
    /// code that is malformed, unknown, used or expired: all look the same to the guild.
    public func redeem(code input: String, guildID: String, userID: String, now: Date = Date()) async throws -> DiscordLink? {
        guard let normalised = DiscordLinkCodeFormat.normalise(input) else { return nil }
        let hash = DiscordLinkCodeFormat.hash(normalised)
        return try await withStorageErrors {
            try await database.writer.write { db in
                guard let row = try Row.fetchOne(
                    db,
                    sql: """
                        SELECT discord_link_codes.driver_id, drivers.name FROM discord_link_codes
                        JOIN drivers ON drivers.id = discord_link_codes.driver_id
                        WHERE code_hash = ? AND expires_at > ?
                        """,
                    arguments: [hash, now])
                else { return nil }
                let driverID: Int64 = try row.decode(forColumn: "driver_id")
                try db.execute(sql: "DELETE FROM discord_link_codes WHERE code_hash = ?", arguments: [hash])
                try db.execute(
                    sql: """
                        INSERT INTO discord_driver_links (guild_id, driver_id, linked_by_user_id, created_at) VALUES (?, ?, ?, ?)
                        ON CONFLICT(guild_id, driver_id) DO UPDATE SET linked_by_user_id = excluded.linked_by_user_id
                        """,
                    arguments: [guildID, driverID, userID, now])
                return DiscordLink(
                    guildID: guildID, driverID: driverID, driverName: try row.decode(forColumn: "name"), linkedByUserID: userID,
                    createdAt: now)
            }
        }
    }

    /// The guild's link to the driver named `driverName`, or nil when the driver has not opted in
    /// there (or does not exist).
    public func link(guildID: String, driverName: String) async throws -> DiscordLink? {
        try await links(where: "discord_driver_links.guild_id = ? AND drivers.name = ?", [guildID, driverName]).first
    }

    /// The guilds a driver has opted in to.
    public func links(driverID: Int64) async throws -> [DiscordLink] {
        try await links(where: "discord_driver_links.driver_id = ?", [driverID])
    }

    private func links(where condition: String, _ arguments: StatementArguments) async throws -> [DiscordLink] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT discord_driver_links.*, drivers.name AS driver_name FROM discord_driver_links
                        JOIN drivers ON drivers.id = discord_driver_links.driver_id
                        WHERE \(condition) ORDER BY discord_driver_links.guild_id
                        """,
                    arguments: arguments
                ).map(DiscordLink.init(row:))
            }
        }
    }

    /// Withdraws a guild's view of a driver, and with it the guild's follows of that driver (the
    /// live feed stops at once). Returns false when there was no link.
    @discardableResult
    public func unlink(guildID: String, driverID: Int64) async throws -> Bool {
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(
                    sql: "DELETE FROM discord_driver_links WHERE guild_id = ? AND driver_id = ?", arguments: [guildID, driverID])
                let removed = db.changesCount > 0
                try db.execute(
                    sql: "DELETE FROM discord_follows WHERE guild_id = ? AND driver_name = (SELECT name FROM drivers WHERE id = ?)",
                    arguments: [guildID, driverID])
                return removed
            }
        }
    }
}

extension DiscordLink {
    init(row: Row) throws {
        self.init(
            guildID: try row.decode(forColumn: "guild_id"), driverID: try row.decode(forColumn: "driver_id"),
            driverName: try row.decode(forColumn: "driver_name"), linkedByUserID: try row.decode(forColumn: "linked_by_user_id"),
            createdAt: try row.decode(forColumn: "created_at"))
    }
}
