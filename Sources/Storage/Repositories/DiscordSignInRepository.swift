import Foundation
import GRDB

/// Which driver a Discord user signs in to the web pages as (`discord_sign_in_users`).
public struct DiscordSignInRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// The driver a Discord user signs in as. A user seen for the first time who opted exactly
    /// one driver in through the bot (`/coach link`) is that driver, and the match is kept; a
    /// user who linked several drivers there must link one from a signed-in browser.
    public func driver(forDiscordUser userID: String, now: Date = Date()) async throws -> DiscordSignInMatch {
        guard Self.isUserID(userID) else { return .unknown }
        return try await withStorageErrors {
            try await database.writer.write { db -> DiscordSignInMatch in
                if let row = try Row.fetchOne(
                    db,
                    sql: "SELECT drivers.* FROM discord_sign_in_users JOIN drivers ON drivers.id = driver_id WHERE discord_user_id = ?",
                    arguments: [userID])
                {
                    return .driver(try Driver(row: row))
                }
                let rows = try Row.fetchAll(
                    db,
                    sql: """
                        SELECT DISTINCT drivers.* FROM discord_driver_links JOIN drivers ON drivers.id = discord_driver_links.driver_id
                        WHERE linked_by_user_id = ? LIMIT 2
                        """,
                    arguments: [userID])
                guard rows.count == 1 else { return rows.isEmpty ? .unknown : .ambiguous }
                let driver = try Driver(row: rows[0])
                try db.execute(
                    sql: "INSERT INTO discord_sign_in_users (discord_user_id, driver_id, linked_via, created_at) VALUES (?, ?, 'bot', ?)",
                    arguments: [userID, driver.id, now])
                return .driver(driver)
            }
        }
    }

    /// Links a Discord user to a driver (asked by that driver's signed-in browser). A user
    /// already linked to another driver stays so: that driver must unlink first.
    public func link(discordUser userID: String, driverID: Int64, now: Date = Date()) async throws -> DiscordSignInLinking {
        guard Self.isUserID(userID) else { return .invalidUser }
        return try await withStorageErrors {
            try await database.writer.write { db -> DiscordSignInLinking in
                if let current = try Int64.fetchOne(
                    db, sql: "SELECT driver_id FROM discord_sign_in_users WHERE discord_user_id = ?", arguments: [userID])
                {
                    return current == driverID ? .linked : .linkedToAnotherDriver
                }
                try db.execute(
                    sql: "INSERT INTO discord_sign_in_users (discord_user_id, driver_id, linked_via, created_at) VALUES (?, ?, 'browser', ?)",
                    arguments: [userID, driverID, now])
                return .linked
            }
        }
    }

    /// Discord ids are snowflakes: decimal digits, at most 20.
    static func isUserID(_ text: String) -> Bool {
        (1...20).contains(text.utf8.count) && text.utf8.allSatisfy { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }
    }
}

/// Who a Discord user is on this server.
public enum DiscordSignInMatch: Sendable, Equatable {
    case driver(Driver)
    /// The user opted several drivers in through the bot: which one is not guessed.
    case ambiguous
    case unknown
}

/// What linking a Discord user to a driver did.
public enum DiscordSignInLinking: Sendable, Equatable {
    case linked
    case linkedToAnotherDriver
    case invalidUser
}
