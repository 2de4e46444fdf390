import Foundation
import Testing
import TestSupport

@testable import Storage

/// `LapWriter.storeTimed`, the seam `trailbrake-bench storage` times laps through: it stores
/// exactly as `store` does, and its phases add up. Fifty laps of ~80 KB pass the 1 MiB
/// checkpoint threshold several times, so the writer's own checkpoints run meanwhile.
@Suite struct LapStoreTimingTests {
    @Test func fiftyTimedLapsAreStoredAndCheckpointed() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "timed")
        let writer = LapWriter(database: fixture.database)
        var ids: Set<Int64> = []
        for number in 1...50 {
            let timing = try await writer.storeTimed(
                BenchmarkLap.completed(lapNumber: Int32(number)), sessionID: session.id, driverID: driver.id)
            ids.insert(timing.lapID)
            #expect(timing.encode > .zero && timing.insert >= timing.statements && timing.statements > .zero)
            #expect(timing.blobBytes > 10_000)
        }
        await writer.waitForCheckpoint()
        #expect(ids.count == 50)
        #expect(await writer.checkpointCounts.finished >= 2)
        let stored = try await fixture.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lap_telemetry") }
        #expect(stored == 50)
    }
}
