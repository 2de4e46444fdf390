import Foundation
import Testing

/// `trailbrake backup` and `trailbrake restore` as an operator runs them against a running
/// `trailbrake serve`: the backup works while it runs, the restore refuses until it is stopped.
@Suite(.enabled(if: EndToEndServerProcess.executable != nil, "skipped: the trailbrake executable is not built (swift build)"))
struct BackupCommandTests {
    @Test func backupWhileServingRestoreOnlyOnceStopped() async throws {
        let executable = try #require(EndToEndServerProcess.executable)
        let server = try await EndToEndServerProcess(executable: executable)
        defer { server.tearDown() }
        let dataDirectory = (server.databasePath as NSString).deletingLastPathComponent
        let backup = server.directory.appendingPathComponent("nightly.sqlite").path
        let data = ["--data-dir", dataDirectory]

        let taken = try TokenCommandTests.trailbrake(["backup", backup] + data)
        #expect(taken.status == 0, "\(taken.err)")
        #expect(taken.out.contains("backup \(backup): 0 laps"), "\(taken.out)")
        #expect(taken.out.contains("integrity ok"))

        let again = try TokenCommandTests.trailbrake(["backup", backup] + data)
        #expect(again.status != 0 && again.err.contains("error [destination_exists]: "), "\(again.err)")
        #expect(try TokenCommandTests.trailbrake(["backup", backup, "--overwrite"] + data).status == 0)

        let refused = try TokenCommandTests.trailbrake(["restore", backup] + data)
        #expect(refused.status != 0, "a restore under a running server must be refused")
        #expect(refused.err.contains("error [server_running]: "), "\(refused.err)")
        #expect(!FileManager.default.fileExists(atPath: server.databasePath + ".restoring"))

        // A second server on the same data directory is refused too.
        await #expect(throws: (any Error).self) {
            _ = try await EndToEndServerProcess(executable: executable, startupTimeout: 10, restarting: server)
        }

        #expect(await server.terminateGracefully(within: 30) != nil)
        let restored = try TokenCommandTests.trailbrake(["restore", backup] + data)
        #expect(restored.status == 0, "\(restored.err)")
        #expect(restored.out.contains("restored \(backup) into \(dataDirectory)/trailbrake.sqlite: 0 laps, integrity ok"))
        #expect(restored.out.contains("the database it replaced is kept at \(server.databasePath).before-restore-"))

        // The restored database keeps the first-run driver: the restarted server knows its token.
        let restarted = try await EndToEndServerProcess(executable: executable, restarting: server)
        defer { restarted.tearDown() }
        let listed = try TokenCommandTests.trailbrake(["token", "list"] + data)
        #expect(listed.out.contains("driver"), "\(listed.out)")
    }

    @Test func restoreRefusesWhatIsNotATrailbrakeDatabase() throws {
        let directory = try TokenCommandTests.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = ["--data-dir", directory.appendingPathComponent("data").path]
        let junk = directory.appendingPathComponent("junk.sqlite")
        try Data(repeating: 0x41, count: 8_192).write(to: junk)

        let notSQLite = try TokenCommandTests.trailbrake(["restore", junk.path] + data)
        #expect(notSQLite.status != 0 && notSQLite.err.contains("error [integrity_check_failed]: "), "\(notSQLite.err)")
        let missing = try TokenCommandTests.trailbrake(["restore", directory.appendingPathComponent("none").path] + data)
        #expect(missing.status != 0 && missing.err.contains("error [database_missing]: "), "\(missing.err)")
        let noDatabase = try TokenCommandTests.trailbrake(["backup", directory.appendingPathComponent("b.sqlite").path] + data)
        #expect(noDatabase.status != 0 && noDatabase.err.contains("error [database_missing]: "), "\(noDatabase.err)")
    }
}
