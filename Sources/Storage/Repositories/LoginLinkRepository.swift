import Foundation
import GRDB

/// One-time sign-in links for the listen page (`trailbrake login-link`).
public struct LoginLinkRepository: Sendable {
    /// Prefix of a login link's secret; `BrowserSessionRepository.signIn` accepts only these.
    public static let prefix = "tbl_"

    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// How long a used or expired link is kept, so that opening it still says "used" or
    /// "expired" rather than "unknown"; older ones are deleted when a new link is made.
    public static let retention: TimeInterval = 24 * 3600

    /// Makes a link for the driver valid for `lifetime` seconds from `now`, and deletes links
    /// that expired more than `retention` ago (any driver's), so the table stays small. Throws
    /// `.notFound` for an unknown driver and `.invalidInput` for a lifetime that is not positive.
    public func create(driverID: Int64, lifetime: TimeInterval, now: Date = Date()) async throws -> IssuedLoginLink {
        guard lifetime > 0, lifetime.isFinite else { throw StorageError.invalidInput("a login link's lifetime must be positive") }
        let secret = AccessToken.generate(prefix: Self.prefix)
        let expiresAt = now.addingTimeInterval(lifetime).storedPrecision
        let driver = try await withStorageErrors {
            try await database.writer.write { db in
                guard let row = try Row.fetchOne(db, sql: "SELECT * FROM drivers WHERE id = ?", arguments: [driverID]) else {
                    throw StorageError.notFound("driver \(driverID)")
                }
                try db.execute(
                    sql: "DELETE FROM login_links WHERE expires_at <= ?", arguments: [now.addingTimeInterval(-Self.retention)])
                try db.execute(
                    sql: "INSERT INTO login_links (driver_id, link_hash, created_at, expires_at) VALUES (?, ?, ?, ?)",
                    arguments: [driverID, AccessToken.hash(secret), now, expiresAt])
                return try Driver(row: row)
            }
        }
        return IssuedLoginLink(secret: secret, driver: driver, expiresAt: expiresAt)
    }
}
