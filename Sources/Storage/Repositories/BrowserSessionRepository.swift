import Foundation
import GRDB

/// Browsers signed in to the listen page: made from a login link, found by their cookie,
/// deleted at sign-out. The cookie's secret is stored only as its SHA-256 hash.
public struct BrowserSessionRepository: Sendable {
    /// Prefix of a session cookie's secret.
    public static let prefix = "tbs_"

    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// Exchanges a login link for a new session valid for `lifetime` seconds, in one
    /// transaction: the link is marked used only if it was unused and unexpired, so two
    /// browsers racing with one link get one session. A driver keeps at most
    /// `maximumPerDriver` sessions (the oldest go first); expired sessions are deleted.
    public func signIn(
        link: String, lifetime: TimeInterval, maximumPerDriver: Int, now: Date = Date()
    ) async throws -> LoginLinkRedemption {
        guard lifetime > 0, lifetime.isFinite, maximumPerDriver >= 1 else {
            throw StorageError.invalidInput("a session needs a positive lifetime and room for one session")
        }
        guard AccessToken.isWellFormed(link, prefix: LoginLinkRepository.prefix) else { return .unknown }
        let linkHash = AccessToken.hash(link)
        return try await withStorageErrors {
            try await database.writer.write { db -> LoginLinkRedemption in
                let link = try Row.fetchOne(
                    db, sql: "SELECT driver_id, expires_at, used_at FROM login_links WHERE link_hash = ?", arguments: [linkHash])
                guard let link else { return .unknown }
                guard try link.decode(Date?.self, forColumn: "used_at") == nil else { return .used }
                guard try link.decode(Date.self, forColumn: "expires_at") > now else { return .expired }
                try db.execute(sql: "UPDATE login_links SET used_at = ? WHERE link_hash = ?", arguments: [now, linkHash])
                let driverID = try link.decode(Int64.self, forColumn: "driver_id")
                guard let (session, secret) = try Self.insertSession(
                    driverID: driverID, lifetime: lifetime, maximumPerDriver: maximumPerDriver, now: now, in: db)
                else { return .unknown }
                return .signedIn(session, secret: secret)
            }
        }
    }

    /// A new session for a driver whose identity was proven another way (sign-in with Discord),
    /// under the same bounds as a login link's; nil when the driver no longer exists.
    public func signIn(
        driverID: Int64, lifetime: TimeInterval, maximumPerDriver: Int, now: Date = Date()
    ) async throws -> (BrowserSessionRecord, secret: String)? {
        guard lifetime > 0, lifetime.isFinite, maximumPerDriver >= 1 else {
            throw StorageError.invalidInput("a session needs a positive lifetime and room for one session")
        }
        return try await withStorageErrors {
            try await database.writer.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM drivers WHERE id = ?", arguments: [driverID]) != nil else { return nil }
                return try Self.insertSession(driverID: driverID, lifetime: lifetime, maximumPerDriver: maximumPerDriver, now: now, in: db)
            }
        }
    }

    /// Inserts a session for the driver, deleting expired sessions and the driver's oldest past
    /// `maximumPerDriver`; returns it read back (stored precision) with its secret.
    private static func insertSession(
        driverID: Int64, lifetime: TimeInterval, maximumPerDriver: Int, now: Date, in db: Database
    ) throws -> (BrowserSessionRecord, secret: String)? {
        let secret = AccessToken.generate(prefix: Self.prefix)
        let csrfToken = AccessToken.generate(prefix: "")
        let expiresAt = now.addingTimeInterval(lifetime).storedPrecision
        try db.execute(sql: "DELETE FROM browser_sessions WHERE expires_at <= ?", arguments: [now])
        try db.execute(
            sql: """
                INSERT INTO browser_sessions (driver_id, session_hash, csrf_token, created_at, expires_at)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [driverID, AccessToken.hash(secret), csrfToken, now, expiresAt])
        try db.execute(
            sql: """
                DELETE FROM browser_sessions WHERE driver_id = ? AND id NOT IN
                  (SELECT id FROM browser_sessions WHERE driver_id = ? ORDER BY id DESC LIMIT ?)
                """,
            arguments: [driverID, driverID, maximumPerDriver])
        guard let session = try Self.session(hash: AccessToken.hash(secret), now: now, in: db) else { return nil }
        return (session, secret)
    }

    /// The session a cookie names; nil when it is malformed, unknown, signed out or expired.
    public func session(secret: String, now: Date = Date()) async throws -> BrowserSessionRecord? {
        guard AccessToken.isWellFormed(secret, prefix: Self.prefix) else { return nil }
        let hash = AccessToken.hash(secret)
        return try await withStorageErrors {
            try await database.writer.read { db in try Self.session(hash: hash, now: now, in: db) }
        }
    }

    private static func session(hash: String, now: Date, in db: Database) throws -> BrowserSessionRecord? {
        let row = try Row.fetchOne(
            db,
            sql: """
                SELECT drivers.*, browser_sessions.id AS session_id, browser_sessions.csrf_token, browser_sessions.expires_at AS session_expires_at
                FROM browser_sessions JOIN drivers ON drivers.id = browser_sessions.driver_id
                WHERE browser_sessions.session_hash = ? AND browser_sessions.expires_at > ?
                """,
            arguments: [hash, now])
        guard let row else { return nil }
        return BrowserSessionRecord(
            id: try row.decode(forColumn: "session_id"), driver: try Driver(row: row), csrfToken: try row.decode(forColumn: "csrf_token"),
            expiresAt: try row.decode(forColumn: "session_expires_at"))
    }

    /// Which of the sessions `ids` are still signed in at `now`: not expired, not signed out, not
    /// replaced by a newer sign-in of their driver, not deleted with their driver.
    public func liveSessionIDs(among ids: Set<Int64>, now: Date = Date()) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await withStorageErrors {
            try await database.writer.read { db in
                try IDSubsetQuery.matching(ids, table: "browser_sessions", condition: "expires_at > ?", arguments: [now], in: db)
            }
        }
    }

    /// Deletes every session of the driver (sign-out everywhere); returns their ids, so the
    /// listeners they opened can be closed.
    public func signOutEverywhere(driverID: Int64) async throws -> Set<Int64> {
        try await withStorageErrors {
            try await database.writer.write { db in
                let ids = try Int64.fetchSet(db, sql: "SELECT id FROM browser_sessions WHERE driver_id = ?", arguments: [driverID])
                try db.execute(sql: "DELETE FROM browser_sessions WHERE driver_id = ?", arguments: [driverID])
                return ids
            }
        }
    }

    /// Deletes the session a cookie names (sign-out); nothing happens for an unknown one.
    public func signOut(secret: String) async throws {
        guard AccessToken.isWellFormed(secret, prefix: Self.prefix) else { return }
        let hash = AccessToken.hash(secret)
        try await withStorageErrors {
            try await database.writer.write { db in
                try db.execute(sql: "DELETE FROM browser_sessions WHERE session_hash = ?", arguments: [hash])
            }
        }
    }
}
