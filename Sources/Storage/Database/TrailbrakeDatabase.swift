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
    /// A connection used only for WAL checkpoints, so they run beside the writer instead of
    /// inside its commits; nil for in-memory databases and `.automaticInCommit`.
    let checkpointer: DatabaseQueue?
    public let checkpointPolicy: CheckpointPolicy

    /// Opens (creating if needed) the database at `path` and runs pending migrations.
    ///
    /// - Throws: `StorageError.corruptDatabase` when the file is not SQLite or is damaged,
    ///   `.unsupportedSchema` when a newer Trailbrake wrote it, `.databaseFailure` otherwise.
    /// - Parameter busyTimeout: how long a write waits for a lock another connection or process
    ///   holds before it fails (`database_failure`; the live server then keeps the lap and retries).
    public init(
        path: String, synchronous: SynchronousMode = .normal, checkpointPolicy: CheckpointPolicy = .default,
        busyTimeout: Duration = defaultBusyTimeout
    ) throws {
        do {
            let pool = try DatabasePool(
                path: path, configuration: Self.configuration(synchronous: synchronous, busyTimeout: busyTimeout))
            // GRDB sets NORMAL on the writer when it enables WAL, after `prepareDatabase` ran,
            // so the choice is applied again here (the writer connection lives as long as the pool).
            try pool.writeWithoutTransaction { db in try db.execute(sql: "PRAGMA synchronous = \(synchronous.rawValue)") }
            try Self.migrate(pool)
            if case .lapWriter = checkpointPolicy {
                try pool.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA wal_autocheckpoint = \(CheckpointPolicy.backstopPages)")
                }
                var configuration = Configuration()
                configuration.label = "trailbrake-checkpoint"
                self.checkpointer = try DatabaseQueue(path: path, configuration: configuration)
            } else {
                self.checkpointer = nil
            }
            self.writer = pool
            self.path = path
            self.checkpointPolicy = checkpointPolicy
        } catch {
            throw StorageError.translating(error)
        }
    }

    private init(writer: any DatabaseWriter) {
        self.writer = writer
        self.path = nil
        self.checkpointer = nil
        self.checkpointPolicy = .automaticInCommit
    }

    /// A private in-memory database with the same schema and API, for tests and dry runs.
    public static func inMemory() throws -> TrailbrakeDatabase {
        do {
            let queue = try DatabaseQueue(configuration: configuration(synchronous: .normal, busyTimeout: defaultBusyTimeout))
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

    /// The `PRAGMA wal_autocheckpoint` value on the writer connection (pages; 0 = never).
    public func automaticCheckpointPages() async throws -> Int {
        try await withStorageErrors {
            try await writer.write { db in try Int.fetchOne(db, sql: "PRAGMA wal_autocheckpoint") ?? -1 }
        }
    }

    /// Runs a passive checkpoint: it copies what it can without waiting for readers. On the
    /// checkpoint connection it also runs beside the writer; `betweenWrites` runs it on the
    /// writer connection instead, so no commit lands mid-way and the WAL can start over.
    /// Returns the WAL's frame count and how many of them are now in the database file; nil
    /// when this database has no checkpoint connection.
    func checkpointWAL(betweenWrites: Bool = false) async throws -> (walFrameCount: Int, checkpointedFrameCount: Int)? {
        guard let checkpointer else { return nil }
        return try await withStorageErrors {
            if betweenWrites {
                return try await writer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
            }
            return try await checkpointer.writeWithoutTransaction { db in try db.checkpoint(.passive) }
        }
    }

    /// Another process (the `trailbrake token` command) may hold the write lock briefly.
    public static let defaultBusyTimeout = Duration.seconds(5)

    private static func configuration(synchronous: SynchronousMode, busyTimeout: Duration) -> Configuration {
        var configuration = Configuration()
        configuration.label = "trailbrake"
        configuration.foreignKeysEnabled = true
        let (seconds, attoseconds) = busyTimeout.components
        configuration.busyMode = .timeout(Double(seconds) + Double(attoseconds) / 1e18)
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
