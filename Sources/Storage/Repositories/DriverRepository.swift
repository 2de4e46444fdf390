import Foundation
import GRDB

/// Drivers and their bearer tokens.
public struct DriverRepository: Sendable {
    let database: TrailbrakeDatabase

    public init(database: TrailbrakeDatabase) {
        self.database = database
    }

    /// Longest driver name accepted (names show in cues, Discord and the CLI).
    public static let maximumNameLength = 64

    /// Creates a driver. Throws `.invalidInput` for an empty or overlong name and
    /// `.duplicateName` when the name is taken.
    public func createDriver(name: String) async throws -> Driver {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= Self.maximumNameLength else {
            throw StorageError.invalidInput("driver name must be 1...\(Self.maximumNameLength) characters")
        }
        let createdAt = Date()
        return try await withStorageErrors {
            do {
                return try await database.writer.write { db in
                    try db.execute(
                        sql: "INSERT INTO drivers (name, created_at) VALUES (?, ?)", arguments: [trimmed, createdAt]
                    )
                    // Read back, so the returned date has the stored (millisecond) precision.
                    let row = try Row.fetchOne(db, sql: "SELECT * FROM drivers WHERE id = ?", arguments: [db.lastInsertedRowID])
                    guard let row else { throw StorageError.databaseFailure("inserted driver vanished") }
                    return try Driver(row: row)
                }
            } catch let error as DatabaseError where error.extendedResultCode == .SQLITE_CONSTRAINT_UNIQUE {
                throw StorageError.duplicateName(trimmed)
            }
        }
    }

    /// Drivers by name, at most `limit` (the admin page's bounded list).
    public func list(limit: Int) async throws -> [Driver] {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchAll(db, sql: "SELECT * FROM drivers ORDER BY name LIMIT ?", arguments: [max(0, limit)]).map(Driver.init(row:))
            }
        }
    }

    /// Makes a new token for the driver and returns it; only its hash is stored, so this is
    /// the one time it can be shown. Throws `.notFound` for an unknown driver.
    public func createToken(for driverID: Int64, label: String? = nil) async throws -> String {
        try await TokenRepository(database: database).issue(for: driverID, label: label).token
    }

    /// The driver a token belongs to, or nil for a malformed, unknown, revoked or expired token.
    public func authenticate(token: String) async throws -> Driver? {
        try await TokenRepository(database: database).authenticate(token: token)?.driver
    }

    public func driverCount() async throws -> Int {
        try await withStorageErrors {
            try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM drivers") ?? 0 }
        }
    }

    /// Exact (trimmed) name match.
    public func driver(named name: String) async throws -> Driver? {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        return try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM drivers WHERE name = ?", arguments: [trimmed]).map(Driver.init(row:))
            }
        }
    }

    public func driver(id: Int64) async throws -> Driver? {
        try await withStorageErrors {
            try await database.writer.read { db in
                try Row.fetchOne(db, sql: "SELECT * FROM drivers WHERE id = ?", arguments: [id]).map(Driver.init(row:))
            }
        }
    }
}
