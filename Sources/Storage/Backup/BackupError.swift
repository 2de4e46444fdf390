/// Why a backup or restore was refused or failed, with a stable code for `error [code]: ...`.
/// Whatever the failure, the database being backed up or replaced is left as it was.
public enum BackupError: Error, Sendable, Equatable, CustomStringConvertible {
    /// There is no database at the path (wrong `--data-dir`?).
    case databaseMissing(path: String)
    /// The backup file already exists (`--overwrite` replaces it).
    case destinationExists(path: String)
    /// The backup file would be the database itself (or its WAL): never overwritten.
    case destinationIsDatabase(path: String)
    /// The file is not SQLite, is damaged, or fails `PRAGMA integrity_check` (first problems given).
    case integrityCheckFailed(path: String, problems: [String])
    /// A SQLite database, but not one Trailbrake wrote (no Trailbrake migrations).
    case notTrailbrakeDatabase(path: String)
    /// Written by a newer Trailbrake: this version would not open it.
    case newerSchema(path: String)
    /// A server holds the data directory: stop it before restoring.
    case serverRunning(dataDirectory: String)
    /// Reading, writing or renaming a file failed.
    case fileFailure(String)

    public var code: String {
        switch self {
        case .databaseMissing: "database_missing"
        case .destinationExists: "destination_exists"
        case .destinationIsDatabase: "destination_is_database"
        case .integrityCheckFailed: "integrity_check_failed"
        case .notTrailbrakeDatabase: "not_trailbrake_database"
        case .newerSchema: "unsupported_schema"
        case .serverRunning: "server_running"
        case .fileFailure: "file_failure"
        }
    }

    public var description: String {
        switch self {
        case .databaseMissing(let path): "no database at \(path)"
        case .destinationExists(let path): "\(path) exists; choose another name or pass --overwrite"
        case .destinationIsDatabase(let path): "\(path) is the database being backed up; choose another name"
        case .integrityCheckFailed(let path, let problems):
            "\(path) fails the integrity check: \(problems.prefix(3).joined(separator: "; "))"
        case .notTrailbrakeDatabase(let path): "\(path) is a SQLite database but not a Trailbrake one"
        case .newerSchema(let path): "\(path) was written by a newer Trailbrake; upgrade before restoring it"
        case .serverRunning(let directory):
            "a Trailbrake server is using \(directory); stop it first (systemctl stop trailbrake), restore, then start it again"
        case .fileFailure(let why): why
        }
    }
}
