import Foundation
import GRDB
import Testing

@testable import Storage

/// `DatabaseRestore` and `DatabaseBackup` refuse what would lose or corrupt data, with a stable
/// code, and leave the current database exactly as it was.
@Suite struct RestoreRefusalTests {
    /// A data directory holding a database with one stored lap, closed (as a stopped server leaves it).
    static func dataDirectoryWithOneLap() async throws -> StorageFixture {
        let fixture = try StorageFixture()
        let (driver, session) = try await fixture.driverWithSession(named: "Ana")
        _ = try await LapWriter(database: fixture.database).store(SyntheticLap.completed(frameCount: 500), sessionID: session.id, driverID: driver.id)
        return fixture
    }

    static func bytes(_ path: String) -> Data? { FileManager.default.contents(atPath: path) }

    @Test func aRunningServersDatabaseIsNeverReplaced() async throws {
        let fixture = try await Self.dataDirectoryWithOneLap()
        defer { fixture.remove() }
        let directory = fixture.directory.path
        let backup = directory + "/backup.sqlite"
        _ = try DatabaseBackup.backup(databaseAt: directory + "/trailbrake.sqlite", to: backup)

        let serverLock = try DataDirectoryLock(dataDirectory: directory)
        #expect(throws: BackupError.serverRunning(dataDirectory: directory)) {
            try DatabaseRestore.restore(backup: backup, dataDirectory: directory)
        }
        #expect(throws: BackupError.serverRunning(dataDirectory: directory)) { try DataDirectoryLock(dataDirectory: directory) }
        withExtendedLifetime(serverLock) {}
        #expect(!FileManager.default.fileExists(atPath: directory + "/trailbrake.sqlite.restoring"))
    }

    @Test func aBadBackupLeavesTheCurrentDatabaseUntouched() async throws {
        let source = try await Self.dataDirectoryWithOneLap()
        defer { source.remove() }
        let target = try StorageFixture()
        defer { target.remove() }
        let targetPath = target.directory.appendingPathComponent("trailbrake.sqlite").path
        let dataDirectory = target.directory.path

        let junk = source.directory.appendingPathComponent("junk.sqlite").path
        try Data(repeating: 0x41, count: 8_192).write(to: URL(fileURLWithPath: junk))
        let other = source.directory.appendingPathComponent("other.sqlite").path
        try await DatabaseQueue(path: other).write { db in try db.execute(sql: "CREATE TABLE notes(text TEXT)") }
        let truncated = source.directory.appendingPathComponent("truncated.sqlite").path
        _ = try DatabaseBackup.backup(databaseAt: source.directory.appendingPathComponent("trailbrake.sqlite").path, to: truncated)
        let whole = try #require(Self.bytes(truncated))
        try whole.prefix(whole.count / 2).write(to: URL(fileURLWithPath: truncated))

        let before = try await target.drivers.createDriver(name: "Keep me")
        for (file, code) in [(junk, "integrity_check_failed"), (other, "not_trailbrake_database"), (truncated, "integrity_check_failed"),
                             (source.directory.appendingPathComponent("missing").path, "database_missing")] {
            do {
                _ = try DatabaseRestore.restore(backup: file, dataDirectory: dataDirectory)
                Issue.record("\(file) was restored")
            } catch {
                #expect(error.code == code, "\(file): \(error)")
            }
            #expect(try await target.drivers.driver(id: before.id)?.name == "Keep me")
            #expect(!FileManager.default.fileExists(atPath: targetPath + ".restoring"))
        }
    }

    @Test func aRestoreKeepsTheDatabaseItReplaces() async throws {
        let source = try await Self.dataDirectoryWithOneLap()
        defer { source.remove() }
        let backup = source.directory.appendingPathComponent("backup.sqlite").path
        let report = try DatabaseBackup.backup(databaseAt: source.directory.appendingPathComponent("trailbrake.sqlite").path, to: backup)
        #expect(report.laps == 1)
        #expect(throws: BackupError.destinationExists(path: backup)) {
            try DatabaseBackup.backup(databaseAt: source.directory.appendingPathComponent("trailbrake.sqlite").path, to: backup)
        }

        let target = try StorageFixture()
        defer { target.remove() }
        _ = try await target.drivers.createDriver(name: "Replaced")
        let restored = try DatabaseRestore.restore(backup: backup, dataDirectory: target.directory.path, now: Date(timeIntervalSince1970: 1_800_000_000))
        #expect(restored.laps == 1)
        let kept = try #require(restored.previousKeptAt)
        #expect(kept.hasSuffix("/trailbrake.sqlite.before-restore-20270115T080000Z"))
        let keptNames = try await DatabaseQueue(path: kept).read { db in try String.fetchAll(db, sql: "SELECT name FROM drivers") }
        #expect(keptNames == ["Replaced"])
    }

    @Test func aBackupNeverOverwritesTheDatabaseItBacksUp() async throws {
        let fixture = try await Self.dataDirectoryWithOneLap()
        defer { fixture.remove() }
        let directory = fixture.directory.path
        let database = directory + "/trailbrake.sqlite"
        let link = directory + "/link.sqlite"
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: database)
        let dotted = directory + "/../" + fixture.directory.lastPathComponent + "/trailbrake.sqlite"
        for destination in [database, link, dotted, database + "-wal"] {
            #expect(throws: BackupError.destinationIsDatabase(path: destination)) {
                try DatabaseBackup.backup(databaseAt: database, to: destination, overwrite: true)
            }
        }
        let laps = try await fixture.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM laps") }
        #expect(laps == 1)

        do {
            _ = try DatabaseBackup.backup(databaseAt: database, to: directory + "/no/such/dir/backup.sqlite")
            Issue.record("a backup into a missing directory succeeded")
        } catch {
            #expect(error.code == "file_failure")
            #expect(error.description.contains("\(directory)/no/such/dir"), "names the directory, not the database: \(error)")
        }
    }
}
