import Foundation
import GRDB

/// Puts a backup in place of the server's database, with the server stopped.
///
/// Order matters, so that no step can lose the current database:
/// 1. the backup is checked (integrity, a Trailbrake schema this version can open) and copied
///    into the data directory, and the copy is checked again;
/// 2. the current database (if any) is checkpointed and copied, complete, to
///    `trailbrake.sqlite.before-restore-<time>`, and that file is synced;
/// 3. only then are the old WAL files removed and the copy renamed over `trailbrake.sqlite`
///    (one atomic rename).
/// A failure before step 3 leaves the current database untouched; after step 2 it also exists
/// as the kept copy.
public enum DatabaseRestore {
    public struct Report: Sendable, Equatable {
        /// Where the replaced database was kept; nil when there was none.
        public let previousKeptAt: String?
        public let laps: Int
    }

    /// - Parameters:
    ///   - backup: the backup file (any Trailbrake database; an older schema is migrated when
    ///     the server next opens it).
    ///   - dataDirectory: the server's `server.data_dir`; it must not be in use (`DataDirectoryLock`).
    public static func restore(
        backup: String, dataDirectory: String, now: Date = Date()
    ) throws(BackupError) -> Report {
        let files = FileManager.default
        guard files.fileExists(atPath: backup) else { throw .databaseMissing(path: backup) }
        let lock = try DataDirectoryLock(dataDirectory: dataDirectory)
        defer { withExtendedLifetime(lock) {} }
        let database = dataDirectory + "/trailbrake.sqlite"
        let incoming = database + ".restoring"
        try? files.removeItem(atPath: incoming)
        do {
            let laps = try copyChecked(from: backup, to: incoming)
            var kept: String?
            if files.fileExists(atPath: database) {
                let keptPath = database + ".before-restore-" + Self.stamp(now)
                try keepCopy(of: database, at: keptPath)
                kept = keptPath
            }
            // A WAL left beside the new file would be replayed into it: remove it first.
            for suffix in ["-wal", "-shm"] { try? files.removeItem(atPath: database + suffix) }
            try DurableFile.rename(incoming, to: database)
            return Report(previousKeptAt: kept, laps: laps)
        } catch {
            try? files.removeItem(atPath: incoming)
            throw error
        }
    }

    /// The backup, copied page by page with the backup API and checked on both ends.
    private static func copyChecked(from backup: String, to incoming: String) throws(BackupError) -> Int {
        let laps = try IntegrityCheck.translating(path: backup) {
            let source = try DatabaseQueue(path: backup, configuration: DatabaseBackup.readOnly(busyTimeout: .seconds(5)))
            try source.read { db in try IntegrityCheck.requireTrailbrakeDatabase(db, path: backup) }
            let copy = try DatabaseQueue(path: incoming)
            try source.backup(to: copy)
            try source.close()
            let laps = try copy.writeWithoutTransaction { db in
                try db.execute(sql: "PRAGMA journal_mode = DELETE")
                try IntegrityCheck.requireTrailbrakeDatabase(db, path: incoming)
                return try Int.fetchOne(db, sql: "SELECT count(*) FROM laps") ?? 0
            }
            try copy.close()
            return laps
        }
        try DurableFile.sync(path: incoming)
        return laps
    }

    /// The current database, WAL included, as one file. A database too damaged for SQLite to
    /// read (often why one restores) is kept as its raw files instead.
    private static func keepCopy(of database: String, at keptPath: String) throws(BackupError) {
        do {
            try IntegrityCheck.translating(path: database) {
                let current = try DatabaseQueue(path: database, configuration: DatabaseBackup.readOnly(busyTimeout: .seconds(5)))
                let copy = try DatabaseQueue(path: keptPath)
                try current.backup(to: copy)
                try current.close()
                try copy.close()
            }
        } catch {
            let files = FileManager.default
            do {
                for suffix in ["", "-wal"] where files.fileExists(atPath: database + suffix) {
                    try? files.removeItem(atPath: keptPath + suffix)
                    try files.copyItem(atPath: database + suffix, toPath: keptPath + suffix)
                }
            } catch let copyError {
                throw .fileFailure("cannot keep the current database at \(keptPath): \(copyError)")
            }
        }
        try DurableFile.sync(path: keptPath)
    }

    /// `20261205T010203Z`: sorts by time and has no colon (file names on every system).
    static func stamp(_ date: Date) -> String {
        date.formatted(Date.ISO8601FormatStyle(dateSeparator: .omitted, dateTimeSeparator: .standard, timeSeparator: .omitted))
    }
}
