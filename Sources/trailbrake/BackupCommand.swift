import ArgumentParser
import CoachServer
import Foundation
import Storage

/// `trailbrake backup FILE [--data-dir DIR]`: a consistent copy of the database, safe to take
/// while the server runs and drivers stream (SQLite's online backup API; `DatabaseBackup`).
struct BackupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup", abstract: "Copy the database to FILE while the server runs (SQLite online backup).")

    @Argument(help: "The backup file to write (a single SQLite file).")
    var file: String

    @Flag(help: "Replace FILE when it exists.")
    var overwrite = false

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let configuration = try options.load()
        let database = configuration.server.dataDirectory + "/trailbrake.sqlite"
        do {
            let report = try DatabaseBackup.backup(
                databaseAt: database, to: file, overwrite: overwrite,
                busyTimeout: .milliseconds(configuration.storage.busyTimeoutMilliseconds))
            print("backup \(report.path): \(report.laps) laps, \(report.bytes) bytes, integrity ok")
        } catch {
            throw commandFailure(error.code, error.description)
        }
    }
}

/// `trailbrake restore FILE [--data-dir DIR]`: puts a backup in place of the database. The
/// server must be stopped; the database replaced is kept beside it (`DatabaseRestore`).
struct RestoreCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Replace the database with a backup (stop the server first; the current database is kept).")

    @Argument(help: "The backup file to restore.")
    var file: String

    @OptionGroup var options: ConfigurationOptions

    func run() async throws {
        let configuration = try options.load()
        let directory = configuration.server.dataDirectory
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw commandFailure("file_failure", "cannot create \(directory): \(error.localizedDescription)")
        }
        do {
            let report = try DatabaseRestore.restore(backup: file, dataDirectory: directory)
            print("restored \(file) into \(directory)/trailbrake.sqlite: \(report.laps) laps, integrity ok")
            if let kept = report.previousKeptAt { print("the database it replaced is kept at \(kept)") }
        } catch {
            throw commandFailure(error.code, error.description)
        }
    }
}
