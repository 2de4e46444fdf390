import Foundation
import GRDB

/// A consistent copy of the live database, taken with SQLite's online backup API while the
/// server runs and drivers stream: the copy is one read transaction's snapshot (WAL mode lets
/// the server go on committing laps meanwhile), checked with `PRAGMA integrity_check`, and
/// renamed into place only once it passed, so a failed backup never leaves a half-written file
/// under the name asked for.
public enum DatabaseBackup {
    /// What a finished backup holds.
    public struct Report: Sendable, Equatable {
        public let path: String
        public let bytes: Int
        public let laps: Int
    }

    /// Copies the database at `source` to `destination` (a single file in rollback-journal mode,
    /// so it can be copied off the machine as it is).
    ///
    /// - Parameter busyTimeout: how long to wait for the server's write lock at the start.
    /// - Throws: `BackupError` (`databaseMissing`, `destinationExists`, `integrityCheckFailed`...).
    public static func backup(
        databaseAt source: String, to destination: String, overwrite: Bool = false, busyTimeout: Duration = .seconds(5)
    ) throws(BackupError) -> Report {
        let files = FileManager.default
        guard files.fileExists(atPath: source) else { throw .databaseMissing(path: source) }
        // `--overwrite` must never mean "replace the live database (or its WAL) with a copy".
        if sameFile(destination, asAnyOf: [source, source + "-wal", source + "-shm"]) {
            throw .destinationIsDatabase(path: destination)
        }
        if !overwrite, files.fileExists(atPath: destination) { throw .destinationExists(path: destination) }
        let directory = (destination as NSString).deletingLastPathComponent
        guard files.isWritableFile(atPath: directory.isEmpty ? "." : directory) else {
            throw .fileFailure("cannot write the backup into \(directory.isEmpty ? "." : directory): no such directory, or not writable")
        }
        let partial = destination + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        try? files.removeItem(atPath: partial)
        do {
            let laps = try IntegrityCheck.translating(path: source) {
                let reader = try DatabaseQueue(path: source, configuration: readOnly(busyTimeout: busyTimeout))
                let copy = try DatabaseQueue(path: partial)
                try reader.backup(to: copy)
                try reader.close()
                return try copy.writeWithoutTransaction { db in
                    try db.execute(sql: "PRAGMA journal_mode = DELETE")
                    try IntegrityCheck.requireTrailbrakeDatabase(db, path: source)
                    return try Int.fetchOne(db, sql: "SELECT count(*) FROM laps") ?? 0
                }
            }
            try DurableFile.sync(path: partial)
            try DurableFile.rename(partial, to: destination)
            let bytes = (try? files.attributesOfItem(atPath: destination)[.size] as? Int) ?? 0
            return Report(path: destination, bytes: bytes, laps: laps)
        } catch {
            try? files.removeItem(atPath: partial)
            throw error
        }
    }

    /// Whether `path` names the same file as one of `others` (through links or `..`), or would.
    static func sameFile(_ path: String, asAnyOf others: [String]) -> Bool {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        return others.contains { URL(fileURLWithPath: $0).resolvingSymlinksInPath().standardizedFileURL.path == resolved }
    }

    static func readOnly(busyTimeout: Duration) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = true
        configuration.label = "trailbrake-backup"
        let (seconds, attoseconds) = busyTimeout.components
        configuration.busyMode = .timeout(Double(seconds) + Double(attoseconds) / 1e18)
        return configuration
    }
}
