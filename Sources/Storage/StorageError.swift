import Foundation
import GRDB

/// Errors the storage layer reports with a stable code, so the server can map them to
/// protocol and HTTP errors without parsing messages.
///
/// Everything the public storage API throws is a `StorageError`; SQLite and GRDB errors are
/// wrapped (see `withStorageErrors`), so callers never need to import GRDB.
public enum StorageError: Error, Sendable, Equatable {
    /// A driver, session, lap or reference that does not exist or belongs to another driver.
    case notFound(String)
    /// A stored telemetry or reference blob that does not decode.
    case corruptBlob(String)
    /// A token that is malformed or unknown.
    case invalidToken
    /// The database file is not SQLite or is damaged.
    case corruptDatabase(String)
    /// The database was written by a newer Trailbrake (it has migrations this build lacks).
    case unsupportedSchema(String)
    /// A value the caller passed cannot be stored (empty name, non-finite lap start time, ...).
    case invalidInput(String)
    /// A driver name that is already taken.
    case duplicateName(String)
    /// Any other SQLite failure (disk full, I/O error, permission...).
    case databaseFailure(String)
    /// A configured bound that the change would pass (events per guild, drivers per event...),
    /// named so the caller can say which.
    case limitReached(String)

    /// True when repeating the operation cannot succeed; false for `databaseFailure` (disk
    /// full, a lock held past the busy timeout, I/O errors), which may pass.
    public var isPermanent: Bool {
        if case .databaseFailure = self { false } else { true }
    }

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .notFound: "not_found"
        case .corruptBlob: "corrupt_blob"
        case .invalidToken: "invalid_token"
        case .corruptDatabase: "corrupt_database"
        case .unsupportedSchema: "unsupported_schema"
        case .invalidInput: "invalid_input"
        case .duplicateName: "duplicate_name"
        case .databaseFailure: "database_failure"
        case .limitReached: "limit_reached"
        }
    }
}

extension StorageError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .notFound(let what): "\(code): \(what)"
        case .corruptBlob(let why): "\(code): \(why)"
        case .invalidToken: code
        case .corruptDatabase(let why): "\(code): \(why)"
        case .unsupportedSchema(let why): "\(code): \(why)"
        case .invalidInput(let why): "\(code): \(why)"
        case .duplicateName(let name): "\(code): \(name)"
        case .databaseFailure(let why): "\(code): \(why)"
        case .limitReached(let limit): "\(code): \(limit)"
        }
    }
}

extension StorageError {
    /// Translates a SQLite/GRDB error into a `StorageError`; storage errors pass through.
    static func translating(_ error: any Error) -> StorageError {
        if let storageError = error as? StorageError { return storageError }
        if let databaseError = error as? DatabaseError {
            switch databaseError.resultCode {
            case .SQLITE_NOTADB, .SQLITE_CORRUPT:
                return .corruptDatabase(databaseError.message ?? "\(databaseError)")
            default:
                return .databaseFailure("\(databaseError)")
            }
        }
        return .databaseFailure("\(error)")
    }
}

/// Runs `body`, rethrowing every error as a `StorageError`.
/// Inherits the caller's isolation so the closure need not be `Sendable`.
func withStorageErrors<T>(
    isolation: isolated (any Actor)? = #isolation, _ body: () async throws -> T
) async throws(StorageError) -> T {
    do {
        return try await body()
    } catch {
        throw StorageError.translating(error)
    }
}

/// Synchronous variant of `withStorageErrors` for code that runs inside a GRDB closure.
func withStorageErrorsSync<T>(_ body: () throws -> T) throws(StorageError) -> T {
    do {
        return try body()
    } catch {
        throw StorageError.translating(error)
    }
}
