import Foundation
import ServerTestSupport
import GRDB
import LoadTesting
import Testing

@testable import Storage

/// `trailbrake backup` while 100 drivers stream to the real server: the backup is taken from
/// outside the server (its own connection to the data directory's SQLite file, as the CLI
/// does) while the lap writer goes on committing; restored, the copy passes
/// `PRAGMA integrity_check` and holds every lap committed before the backup started, each with
/// all its telemetry.
@Suite(.serialized) struct BackupUnderLoadTests {
    static let drivers = 100
    /// Laps committed before the backup starts (they come in bursts as the drivers reach the line).
    static let lapsBeforeBackup = 10

    @Test func aBackupTakenWhile100DriversStreamRestoresEveryLapCommittedBeforeIt() async throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("backup-under-load-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let backupPath = scratch.appendingPathComponent("backup.sqlite").path

        try await LoadTestServer.with(drivers: Self.drivers) { server in
            var options = LoadRunTests.options(server, url: server.liveURL, drivers: Self.drivers, seconds: 240)
            options.batchSize = 60
            options.rampUp = .seconds(2)
            let run = Task { try await LoadRun(options: options, source: LoadRunTests.source).run() }

            func lapIDs() async throws -> Set<Int64> {
                try await server.database.writer.read { db in try Set(Int64.fetchAll(db, sql: "SELECT id FROM laps")) }
            }
            // Sessions the server holds attached to a socket. (A session's record is written
            // before it is registered: on a busy machine the last drivers' records were there
            // while 25 of their sessions were not yet live.)
            func connectedDrivers() -> Int { Int(server.metric("trailbrake_live_sessions") ?? 0) }
            // Waits for laps to be committed and every driver to stream (laps no longer wait
            // for coaching to slow down, so they can come before the last driver connects; a
            // test's wait: 200 ms steps, 200 s at most).
            var before: Set<Int64> = []
            var connected = 0
            for _ in 0..<1_000 {
                before = try await lapIDs()
                connected = connectedDrivers()
                if before.count >= Self.lapsBeforeBackup, connected == Self.drivers { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            try #require(before.count >= Self.lapsBeforeBackup, "only \(before.count) laps were stored")
            #expect(connected == Self.drivers, "every driver streams while the backup runs")

            let framesBefore = server.metric("trailbrake_live_frames_total") ?? 0
            let backupStart = ContinuousClock.now
            let report = try await Task.detached { try DatabaseBackup.backup(databaseAt: server.databasePath, to: backupPath) }.value
            let backupTook = ContinuousClock.now - backupStart
            #expect(report.laps >= before.count)
            // Nothing waits behind the backup: the drivers go on being coached and the lap writer
            // goes on committing. Not "frames during the backup": it takes 15-25 ms, and the batch
            // that ends a lap takes about 47 ms in a debug build (`trailbrake-bench coaching
            // --batch-size 60 --packed-laps`), so with laps ending on both event loops a full run
            // saw 0 frames coached in it (a test's wait: 200 ms steps, 30 s at most).
            var framesLater = framesBefore
            var lapsLater = 0
            for _ in 0..<150 {
                framesLater = server.metric("trailbrake_live_frames_total") ?? 0
                lapsLater = try await lapIDs().count
                if framesLater > framesBefore, lapsLater > report.laps { break }
                try await Task.sleep(for: .milliseconds(200))
            }
            #expect(framesLater > framesBefore, "the drivers are coached after the backup")
            #expect(lapsLater > report.laps, "laps are committed after the backup")
            // Every driver kept streaming through it.
            let live = server.metric("trailbrake_live_sessions")
            // On failure, say why a session was not live: the server's own closes by reason and the errors it sent.
            let closes = server.server.metrics.exposition().split(separator: "\n")
                .filter { !$0.hasPrefix("#") && ($0.contains("sockets_ended") || $0.contains("live_errors")) }
            #expect(live == Double(Self.drivers), "server closes and errors so far: \(closes.joined(separator: ", "))")

            let restoreDirectory = scratch.appendingPathComponent("restored")
            try FileManager.default.createDirectory(at: restoreDirectory, withIntermediateDirectories: true)
            let restore = try DatabaseRestore.restore(backup: backupPath, dataDirectory: restoreDirectory.path)
            #expect(restore.laps == report.laps)
            let restored = try TrailbrakeDatabase(path: restoreDirectory.appendingPathComponent("trailbrake.sqlite").path)
            let integrity = try await restored.writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
            #expect(integrity == ["ok"])
            let restoredIDs = try await restored.writer.read { db in try Set(Int64.fetchAll(db, sql: "SELECT id FROM laps")) }
            #expect(before.isSubset(of: restoredIDs), "missing: \(before.subtracting(restoredIDs).sorted().prefix(5))")
            // Each lap committed before the backup is there with all its frames.
            let incomplete = try await restored.writer.read { db in
                try Int.fetchOne(
                    db,
                    sql: """
                        SELECT count(*) FROM laps l LEFT JOIN lap_telemetry t ON t.lap_id = l.id
                        WHERE t.lap_id IS NULL OR t.frame_count != l.frame_count
                        """) ?? -1
            }
            #expect(incomplete == 0)
            print("backup under load: \(before.count) laps committed before the backup, \(report.laps) in it, \(lapsLater) after it; the backup took \(backupTook)")
            // The drivers stop before the server does.
            run.cancel()
            _ = await run.result
        }
    }
}
