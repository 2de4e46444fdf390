import Foundation
import GRDB

/// The Trailbrake SQLite database: one file in WAL mode, migrated to the current schema at open.
///
/// GRDB's `DatabasePool` gives one serialised writer connection and concurrent readers, so
/// reads (history, the web API) never wait for a lap being written. All lap data is written
/// by the single `LapWriter`; the few other writes (drivers, tokens, sessions) go through the
/// same serialised writer connection.
public final class TrailbrakeDatabase: Sendable {
    /// A `DatabasePool` for files, a `DatabaseQueue` for in-memory databases.
    let writer: any DatabaseWriter
    /// The file path, nil for an in-memory database.
    public let path: String?

    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    ///
    /// - Throws: `StorageError.corruptDatabase` when the file is not SQLite or is damaged,
    ///   `.unsupportedSchema` when a newer Trailbrake wrote it, `.databaseFailure` otherwise.
    public init(path: String, synchronous: SynchronousMode = .normal) throws {
        do {
            let pool = try DatabasePool(path: path, configuration: Self.configuration(synchronous: synchronous))
            // GRDB sets NORMAL on the writer when it enables WAL, after `prepareDatabase` ran,
            // so the choice is applied again here (the writer connection lives as long as the pool).
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(synchronous.rawValue)") }
            try Self.migrate(pool)
            self.writer = pool
            self.path = path
        } catch {
            throw StorageError.translating(error)
        }
    }

    private init(writer: any DatabaseWriter) {
        self.writer = writer
        self.path = nil
    }

    /// A private in-memory database with the same schema and API, for tests and dry runs.
    public static func inMemory() throws -> TrailbrakeDatabase {
        do {
            let queue = try DatabaseQueue(configuration: configuration(synchronous: .normal))
            try migrate(queue)
            return TrailbrakeDatabase(writer: queue)
        } catch {
            throw StorageError.translating(error)
        }
    }

    /// Identifiers of the migrations applied to this database, in order ("v1", ...).
    public func appliedMigrations() async throws -> [String] {
        try await withStorageErrors {
            try await writer.read { db in try Schema.migrator.appliedMigrations(db) }
        }
    }

    /// The `PRAGMA synchronous` value in effect on the writer connection.
    public func synchronousSetting() async throws -> Int {
        try await withStorageErrors {
            try await writer.write { db in try Int.fetchOne(db, sql: "PRAGMA synchronous") ?? -1 }
        }
    }

    private static func configuration(synchronous: SynchronousMode) -> Configuration {
        var configuration = Configuration()
        configuration.label = "trailbrake"
        configuration.foreignKeysEnabled = true
        // Another process (the `trailbrake token` command) may hold the write lock briefly.
        configuration.busyMode = .timeout(5)
        let pragma = "PRAGMA synchronous = \(synchronous.rawValue)"
        configuration.prepareDatabase { db in try db.execute(sql: pragma) }
        return configuration
    }

    private static func migrate(_ writer: any DatabaseWriter) throws {
        let migrator = Schema.migrator
        if try writer.read({ db in try migrator.hasBeenSuperseded(db) }) {
            throw StorageError.unsupportedSchema("the database has migrations this version does not know; upgrade Trailbrake")
        }
        try migrator.migrate(writer)
    }
}
