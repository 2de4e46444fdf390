import Foundation
import GRDB

/// Bearer tokens: issuing (with an optional expiry), checking, listing and revoking.
///
/// A token works while it is not revoked and not past `expires_at`. The CLI revokes in its own
/// process; a running server learns of it through `validTokenIDs`, which it asks every few
/// seconds for the tokens its live sessions were opened with (one indexed query per 500).
public struct TokenRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// Most ids bound in one `IN (...)` list, well below SQLite's variable limit.
    static let idsPerQuery = IDSubsetQuery.idsPerQuery

    /// Makes a new token for the driver; only its hash is stored, so this is the one time it
    /// can be shown. Throws `.notFound` for an unknown driver, `.invalidInput` for an expiry
    /// that is not in the future.
    public func issue(for driverID: Int64, label: String? = nil, expiresAt: Date? = nil, now: Date = Date()) async throws
        -> IssuedToken
    {
        if let expiresAt, expiresAt <= now { throw StorageError.invalidInput("a token's expiry must be in the future") }
        let token = AccessToken.generate()
        let hash = AccessToken.hash(token)
        let id = try await withStorageErrors {
            try await database.writer.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM drivers WHERE id = ?", arguments: [driverID]) != nil else {
                    throw StorageError.notFound("driver \(driverID)")
                }
                try db.execute(
                    sql: "INSERT INTO tokens (driver_id, token_hash, label, created_at, expires_at) VALUES (?, ?, ?, ?, ?)",
                    arguments: [driverID, hash, label, now, expiresAt])
                return db.lastInsertedRowID
            }
        }
        return IssuedToken(token: token, id: id, expiresAt: expiresAt)
    }

    /// The grant for a working token; nil for a malformed, unknown, revoked or expired one.
    public func authenticate(token: String, now: Date = Date()) async throws -> TokenGrant? {
        guard AccessToken.isWellFormed(token) else { return nil }
        let hash = AccessToken.hash(token)
        return try await withStorageErrors {
            try await database.writer.read { db in
                // Cached: every connection is authenticated, and compiling the join each time showed
                // in the profile of a ramp-up (docs/performance.md).
                guard let row = try Row.fetchOne(
                    db.cachedStatement(sql: """
                        SELECT drivers.*, tokens.id AS token_id, tokens.expires_at AS token_expires_at
                        FROM tokens JOIN drivers ON drivers.id = tokens.driver_id
                        WHERE tokens.token_hash = ? AND tokens.revoked_at IS NULL
                          AND (tokens.expires_at IS NULL OR tokens.expires_at > ?)
                        """),
                    arguments: [hash, now])
                else { return nil }
                return TokenGrant(
                    driver: try Driver(row: row), tokenID: try row.decode(forColumn: "token_id"),
                    expiresAt: try row.decode(forColumn: "token_expires_at"))
            }
        }
    }

    /// Which of `ids` still work at `now`: not revoked, not expired, not deleted with their driver.
    public func validTokenIDs(among ids: Set<Int64>, now: Date = Date()) async throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return try await withStorageErrors {
            try await database.writer.read { db in
                try IDSubsetQuery.matching(
                    ids, table: "tokens", condition: "revoked_at IS NULL AND (expires_at IS NULL OR expires_at > ?)",
                    arguments: [now], in: db)
            }
        }
    }

    /// Every token, or one driver's, oldest first.
    public func list(driverID: Int64? = nil) async throws -> [TokenRecord] {
        try await list(driverID: driverID, newest: nil)
    }

    /// The newest `limit` tokens of every driver, newest first (the admin page's bounded list).
    public func newest(limit: Int) async throws -> [TokenRecord] {
        try await list(driverID: nil, newest: max(0, limit))
    }

    private func list(driverID: Int64?, newest: Int?) async throws -> [TokenRecord] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT tokens.*, drivers.name AS driver_name FROM tokens JOIN drivers ON drivers.id = tokens.driver_id
                        WHERE ? IS NULL OR tokens.driver_id = ? ORDER BY tokens.id \(newest == nil ? "" : "DESC LIMIT ?")
                        """,
                    arguments: newest.map { [driverID, driverID, $0] } ?? [driverID, driverID]
                ).map { row in
                    TokenRecord(
                        id: try row.decode(forColumn: "id"), driverID: try row.decode(forColumn: "driver_id"),
                        driverName: try row.decode(forColumn: "driver_name"), label: try row.decode(forColumn: "label"),
                        createdAt: try row.decode(forColumn: "created_at"), expiresAt: try row.decode(forColumn: "expires_at"),
                        revokedAt: try row.decode(forColumn: "revoked_at"))
                }
            }
        }
    }

    /// Revokes one token. Returns false when it was already revoked; throws `.notFound` for an
    /// unknown id.
    @discardableResult
    public func revoke(tokenID: Int64, now: Date = Date()) async throws -> Bool {
        try await withStorageErrors {
            try await database.writer.write { db in
                guard try Bool.fetchOne(db, sql: "SELECT 1 FROM tokens WHERE id = ?", arguments: [tokenID]) != nil else {
                    throw StorageError.notFound("token \(tokenID)")
                }
                try db.execute(
                    sql: "UPDATE tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL", arguments: [now, tokenID])
                return db.changesCount == 1
            }
        }
    }

    /// Revokes every working token of a driver; returns the ids revoked now.
    public func revokeAll(driverID: Int64, now: Date = Date()) async throws -> [Int64] {
        try await withStorageErrors {
            try await database.writer.write { db in
                let ids = try Int64.fetchAll(
                    db, sql: "SELECT id FROM tokens WHERE driver_id = ? AND revoked_at IS NULL ORDER BY id", arguments: [driverID])
                try db.execute(
                    sql: "UPDATE tokens SET revoked_at = ? WHERE driver_id = ? AND revoked_at IS NULL", arguments: [now, driverID])
                return ids
            }
        }
    }
}
