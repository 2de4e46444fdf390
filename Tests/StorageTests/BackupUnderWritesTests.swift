import Foundation
import GRDB
import Synchronization
import Testing

@testable import Storage

/// `trailbrake backup` while drivers stream: the backup is one consistent snapshot taken while
/// the writer goes on committing laps; restored, it passes `PRAGMA integrity_check` and holds
/// every lap committed before the backup started, each with all its telemetry.
@Suite struct BackupUnderWritesTests {
    /// Lap ids in commit order, shared between the writing drivers and the test.
    final class Committed: Sendable {
        private let ids = Mutex<[Int64]>([])
        /// Set once the drivers should stop.
        let stop = Atomic<Bool>(false)
        var all: [Int64] { ids.withLock { $0 } }
        func add(_ id: Int64) { ids.withLock { $0.append(id) } }
    }

    @Test func aBackupTakenWhileLapsAreStoredRestoresEveryLapCommittedBeforeIt() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        // No checkpoint during the test: every lap stays in the WAL, as the newest laps always
        // are on a live server, so a copy of the database file alone would hold none of them.
        let source = fixture.directory.appendingPathComponent("live.sqlite").path
        let database = try TrailbrakeDatabase(path: source, checkpointPolicy: .lapWriter(afterBytes: 1 << 40))
        var sessions: [(driver: Int64, session: String)] = []
        for index in 0..<8 {
            let driver = try await DriverRepository(database: database).createDriver(name: "Driver \(index)")
            let session = try await SessionRepository(database: database).create(
                driverID: driver.id, descriptor: StorageFixture.descriptor, referenceSource: "synthesised",
                referenceReason: "shipped_track_and_car")
            sessions.append((driver.id, session.id))
        }
        let writer = LapWriter(database: database)
        let committed = Committed()
        let backupPath = fixture.directory.appendingPathComponent("backup.sqlite").path

        let (before, report) = try await withThrowingTaskGroup(of: Void.self) { group in
            for (driver, session) in sessions {
                group.addTask {
                    var lap: Int32 = 1
                    while !committed.stop.load(ordering: .relaxed) {
                        let id = try await writer.store(
                            SyntheticLap.completed(lapNumber: lap, frameCount: 2_000, startTime: Double(lap) * 100),
                            sessionID: session, driverID: driver)
                        committed.add(id)
                        lap += 1
                    }
                }
            }
            defer { committed.stop.store(true, ordering: .relaxed) }
            // Enough laps that the copy takes a while; then the backup, while the drivers go on.
            while committed.all.count < 40 { try await Task.sleep(for: .milliseconds(20)) }
            let before = Set(committed.all)
            let report = try await Task.detached { try DatabaseBackup.backup(databaseAt: source, to: backupPath) }.value
            committed.stop.store(true, ordering: .relaxed)
            try await group.waitForAll()
            return (before, report)
        }
        #expect(report.laps >= before.count)

        // Restored into an empty data directory, the server's own code opens it.
        let restoreDirectory = fixture.directory.appendingPathComponent("restored")
        try FileManager.default.createDirectory(at: restoreDirectory, withIntermediateDirectories: true)
        let restore = try DatabaseRestore.restore(backup: backupPath, dataDirectory: restoreDirectory.path)
        #expect(restore.previousKeptAt == nil)
        #expect(restore.laps == report.laps)
        let restored = try TrailbrakeDatabase(path: restoreDirectory.appendingPathComponent("trailbrake.sqlite").path)
        let integrity = try await restored.writer.read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check") }
        #expect(integrity == ["ok"])
        let restoredIDs = try await restored.writer.read { db in try Set(Int64.fetchAll(db, sql: "SELECT id FROM laps")) }
        #expect(before.isSubset(of: restoredIDs), "laps committed before the backup are missing: \(before.subtracting(restoredIDs).sorted().prefix(5))")
        // A snapshot: no lap without its telemetry, nor telemetry without its lap.
        let orphans = try await restored.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM laps WHERE id NOT IN (SELECT lap_id FROM lap_telemetry)") ?? -1
        }
        #expect(orphans == 0)
        let laps = LapRepository(database: restored)
        for (driver, session) in sessions {
            for row in try await laps.laps(sessionID: session, driverID: driver) {
                #expect(try await laps.telemetry(lapID: row.id, driverID: driver)?.count == row.frameCount)
            }
        }
    }
}
