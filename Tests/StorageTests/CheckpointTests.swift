import Foundation
import Testing

@testable import Storage

/// The WAL is checkpointed by `LapWriter` beside the writer, never inside a commit, and it
/// stays bounded.
@Suite struct CheckpointTests {
    @Test func theWriterConnectionLeavesCheckpointsToLapWriter() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        #expect(try await fixture.database.automaticCheckpointPages() == CheckpointPolicy.backstopPages)

        let directory = try StorageFixture.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let sqliteDefault = try TrailbrakeDatabase(
            path: directory.appendingPathComponent("auto.sqlite").path, checkpointPolicy: .automaticInCommit)
        #expect(try await sqliteDefault.automaticCheckpointPages() == 1_000)
    }

    @Test func theWALStaysBoundedWhileLapsAreStored() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Endurance")
        let writer = LapWriter(database: fixture.database)
        let lap = SyntheticLap.completed(frameCount: 5_000)
        let walPath = try #require(fixture.database.path) + "-wal"
        var largestWAL = 0
        for number in Int32(1)...60 {
            var next = lap
            next.lapNumber = number
            _ = try await writer.store(next, sessionID: session.id, driverID: driver.id)
            await writer.waitForCheckpoint()
            largestWAL = max(largestWAL, try Self.fileSize(walPath))
        }
        // 60 laps are about 5 MB of pages; checkpoints every ~1 MiB let SQLite reuse the WAL
        // from its start, so it never holds more than one interval plus the lap that crossed it.
        let bound = 2 * (1 << 20) + 64 * 4_096
        #expect(largestWAL > 0)
        #expect(largestWAL < bound, "WAL reached \(largestWAL) bytes")
        #expect(await writer.checkpointsFinished >= 3)

        // Nothing was lost: every lap reads back from a fresh connection.
        let reopened = try TrailbrakeDatabase(path: try #require(fixture.database.path))
        let laps = try await LapRepository(database: reopened).laps(sessionID: session.id, driverID: driver.id)
        #expect(laps.count == 60)
    }

    @Test func theWALStaysBoundedWhenLapsArriveBackToBack() async throws {
        // No pause between laps: checkpoints overlap commits, and the writer-side catch-up must
        // still let SQLite start the WAL over (without it: about 100 KB per lap, ~10 MB here).
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Sprinter")
        let writer = LapWriter(database: fixture.database)
        let lap = SyntheticLap.completed(frameCount: 5_000)
        for number in Int32(1)...100 {
            var next = lap
            next.lapNumber = number
            _ = try await writer.store(next, sessionID: session.id, driverID: driver.id)
        }
        await writer.waitForCheckpoint()
        let walPath = try #require(fixture.database.path) + "-wal"
        let bound = LapWriter.restartFrameCount(threshold: 1 << 20) * 4_120 + 2 * (1 << 20)
        #expect(try Self.fileSize(walPath) < bound)
        #expect(try await fixture.laps.laps(sessionID: session.id, driverID: driver.id).count == 100)
    }

    @Test func withSQLiteAutomaticCheckpointsOnlyTheWALWouldGrowPastTheBound() async throws {
        // Control for the test above: with no LapWriter checkpoints and a far threshold the
        // WAL grows with every lap, so the bound there is a real check.
        let directory = try StorageFixture.makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("grow.sqlite").path
        let database = try TrailbrakeDatabase(path: path, checkpointPolicy: .lapWriter(afterBytes: .max))
        let driver = try await DriverRepository(database: database).createDriver(name: "Grower")
        let session = try await SessionRepository(database: database).create(
            driverID: driver.id, descriptor: StorageFixture.descriptor, referenceSource: nil, referenceReason: "none")
        let writer = LapWriter(database: database)
        for number in Int32(1)...40 {
            _ = try await writer.store(
                SyntheticLap.completed(lapNumber: number, frameCount: 5_000), sessionID: session.id, driverID: driver.id)
        }
        #expect(try Self.fileSize(path + "-wal") > 2 * (1 << 20) + 64 * 4_096)
        #expect(await writer.checkpointsFinished == 0)
    }

    private static func fileSize(_ path: String) throws -> Int {
        (try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    }
}
