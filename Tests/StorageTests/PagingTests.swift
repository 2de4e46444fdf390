import Foundation
import Testing

@testable import Storage

/// Keyset pages of sessions and laps: complete, in order, stable while rows are added, and
/// scoped to the driver.
@Suite struct PagingTests {
    @Test func sessionPagesCoverEverySessionNewestFirstAndSurviveInserts() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let drivers = DriverRepository(database: database)
        let ana = try await drivers.createDriver(name: "Ana")
        let bob = try await drivers.createDriver(name: "Bob")
        let sessions = SessionRepository(database: database)
        let start = Date(timeIntervalSince1970: 1_750_000_000)
        var made: [String] = []
        // Two sessions share each start time: the row id breaks the tie.
        for index in 0..<7 {
            let record = try await sessions.create(
                driverID: ana.id, descriptor: StorageFixture.descriptor, referenceSource: nil, referenceReason: "none",
                startedAt: start.addingTimeInterval(Double(index / 2)))
            made.append(record.id)
        }
        _ = try await sessions.create(
            driverID: bob.id, descriptor: StorageFixture.descriptor, referenceSource: nil, referenceReason: "none", startedAt: start)

        let first = try await sessions.sessions(driverID: ana.id, limit: 3, after: nil)
        #expect(first.items.map(\.id) == Array(made.reversed().prefix(3)))
        // A session started meanwhile is newer than the cursor: it never shifts the next page.
        _ = try await sessions.create(
            driverID: ana.id, descriptor: StorageFixture.descriptor, referenceSource: nil, referenceReason: "none",
            startedAt: start.addingTimeInterval(100))
        let second = try await sessions.sessions(driverID: ana.id, limit: 3, after: first.nextKey)
        let third = try await sessions.sessions(driverID: ana.id, limit: 3, after: second.nextKey)
        #expect((first.items + second.items + third.items).map(\.id) == made.reversed())
        #expect(third.nextKey == nil)
        #expect(try await sessions.sessions(driverID: ana.id, limit: 7, after: nil).nextKey != nil, "8 sessions now")

        // Bob's key, a made-up one and a zero limit are refused.
        let bobsKey = try #require(try await database.writer.read { db in
            try Int64.fetchOne(db, sql: "SELECT rowid FROM sessions WHERE driver_id = ?", arguments: [bob.id])
        })
        await #expect(throws: StorageError.self) { try await sessions.sessions(driverID: ana.id, limit: 3, after: bobsKey) }
        await #expect(throws: StorageError.self) { try await sessions.sessions(driverID: ana.id, limit: 3, after: 9_999) }
        await #expect(throws: StorageError.self) { try await sessions.sessions(driverID: ana.id, limit: 0, after: nil) }
    }

    @Test func lapPagesFollowDrivingOrder() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Ana")
        let writer = LapWriter(database: fixture.database)
        // Stored out of order; a reset reuses lap number 2 later in the session.
        let starts: [(Int32, Double)] = [(3, 300), (1, 100), (2, 200), (2, 400), (4, 500)]
        for (number, start) in starts {
            _ = try await writer.store(
                SyntheticLap.completed(lapNumber: number, frameCount: 20, startTime: start), sessionID: session.id, driverID: driver.id)
        }
        var seen: [Double] = []
        var after: Int64?
        repeat {
            let page = try await fixture.laps.laps(sessionID: session.id, driverID: driver.id, limit: 2, after: after)
            #expect(page.items.count <= 2)
            seen += page.items.map(\.startTime)
            after = page.nextKey
        } while after != nil
        #expect(seen == [100, 200, 300, 400, 500])

        let other = try await fixture.driverWithSession(named: "Bob")
        #expect(try await fixture.laps.laps(sessionID: session.id, driverID: other.driver.id, limit: 5, after: nil).items.isEmpty)
        let someLap = try #require(try await fixture.laps.laps(sessionID: session.id, driverID: driver.id, limit: 1, after: nil).items.first)
        await #expect(throws: StorageError.self) {
            try await fixture.laps.laps(sessionID: other.session.id, driverID: other.driver.id, limit: 5, after: someLap.id)
        }
    }
}
