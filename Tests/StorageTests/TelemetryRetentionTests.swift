import Foundation
import GRDB
import Testing

@testable import Storage

/// `[storage] telemetry_retention_days`: a lap stored more than N days ago loses its frames and
/// keeps its measurements; a lap stored exactly N days ago keeps everything.
@Suite struct TelemetryRetentionTests {
    static let now = Date(timeIntervalSince1970: 1_796_000_000)  // 2026-11-29, a fixed "now"

    /// Stores a lap and dates it `age` seconds before `now`.
    func storeLap(_ fixture: StorageFixture, driver: Int64, session: String, number: Int32, age: TimeInterval) async throws -> Int64 {
        let id = try await LapWriter(database: fixture.database).store(
            SyntheticLap.completed(lapNumber: number, frameCount: 300, startTime: Double(number) * 100), sessionID: session,
            driverID: driver)
        try await fixture.database.writer.write { db in
            try db.execute(sql: "UPDATE laps SET created_at = ? WHERE id = ?", arguments: [Self.now.addingTimeInterval(-age), id])
        }
        return id
    }

    @Test func telemetryOlderThanNDaysIsDeletedAndTheLapsMetricsAreKept() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Ayla")
        let day = TelemetryRetention.secondsPerDay
        let exactlyThirty = try await storeLap(fixture, driver: driver.id, session: session.id, number: 1, age: 30 * day)
        let justOlder = try await storeLap(fixture, driver: driver.id, session: session.id, number: 2, age: 30 * day + 1)
        let recent = try await storeLap(fixture, driver: driver.id, session: session.id, number: 3, age: 60)
        let old = try await storeLap(fixture, driver: driver.id, session: session.id, number: 4, age: 400 * day)
        let before = try #require(try await fixture.laps.lap(id: justOlder, driverID: driver.id))

        let retention = TelemetryRetention(database: fixture.database)
        #expect(try await retention.deleteTelemetry(olderThanDays: 30, now: Self.now) == 2)

        for kept in [exactlyThirty, recent] {
            #expect(try await fixture.laps.storedTelemetry(lapID: kept, driverID: driver.id) != nil, "lap \(kept)")
            #expect(try await retention.telemetryDeleted(lapID: kept, driverID: driver.id) == false)
        }
        for deleted in [justOlder, old] {
            #expect(try await fixture.laps.storedTelemetry(lapID: deleted, driverID: driver.id) == nil, "lap \(deleted)")
            #expect(try await retention.telemetryDeleted(lapID: deleted, driverID: driver.id))
        }
        // The lap itself, its time, corners and braking zones are all still there.
        let after = try #require(try await fixture.laps.lap(id: justOlder, driverID: driver.id))
        #expect(after == before)
        #expect(after.corners.count == 3 && after.lap.lapTime == 83.3)
        #expect(try await fixture.laps.laps(sessionID: session.id, driverID: driver.id).count == 4)
        // Another driver cannot learn that the lap exists.
        #expect(try await retention.telemetryDeleted(lapID: justOlder, driverID: driver.id + 1) == false)
        // Nothing left to delete: a second run is a no-op.
        #expect(try await retention.deleteTelemetry(olderThanDays: 30, now: Self.now) == 0)
    }

    @Test func zeroDaysKeepsEverythingForever() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Ayla")
        let ancient = try await storeLap(fixture, driver: driver.id, session: session.id, number: 1, age: 3_650 * TelemetryRetention.secondsPerDay)
        #expect(try await TelemetryRetention(database: fixture.database).deleteTelemetry(olderThanDays: 0, now: Self.now) == 0)
        #expect(try await fixture.laps.storedTelemetry(lapID: ancient, driverID: driver.id) != nil)
    }

    @Test func aLargePurgeGoesInBatches() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Ayla")
        let count = TelemetryRetention.batchSize + 7
        for number in 1...count {
            _ = try await storeLap(fixture, driver: driver.id, session: session.id, number: Int32(number), age: 10 * TelemetryRetention.secondsPerDay)
        }
        #expect(try await TelemetryRetention(database: fixture.database).deleteTelemetry(olderThanDays: 1, now: Self.now) == count)
        let left = try await fixture.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM lap_telemetry") }
        #expect(left == 0)
    }
}
