import GRDB

/// `PRAGMA integrity_check` and the schema checks a backup must pass before it is trusted.
enum IntegrityCheck {
    /// "ok" alone when the file is sound; otherwise SQLite's first problems (at most 20).
    static func problems(_ db: Database) throws -> [String] {
        let rows = try String.fetchAll(db, sql: "PRAGMA integrity_check(20)")
        return rows == ["ok"] ? [] : rows
    }

    /// Throws unless `db` at `path` is sound and holds a schema this Trailbrake can open.
    static func requireTrailbrakeDatabase(_ db: Database, path: String) throws {
        let problems = try problems(db)
        guard problems.isEmpty else { throw BackupError.integrityCheckFailed(path: path, problems: problems) }
        guard try db.tableExists("grdb_migrations"), try Schema.migrator.appliedMigrations(db).contains("v1") else {
            throw BackupError.notTrailbrakeDatabase(path: path)
        }
        if try Schema.migrator.hasBeenSuperseded(db) { throw BackupError.newerSchema(path: path) }
    }

    /// Runs `body`, reporting a file that is not SQLite (or is damaged past opening) as a failed check.
    static func translating<T>(path: String, _ body: () throws -> T) throws(BackupError) -> T {
        do { return try body() } catch let error as BackupError { throw error } catch let error as DatabaseError
            where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT
        {
            throw .integrityCheckFailed(path: path, problems: [error.message ?? "\(error)"])
        } catch {
            throw .fileFailure("\(path): \(error)")
        }
    }
}
