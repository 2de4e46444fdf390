import Coaching
import Foundation
import Telemetry
import Testing

@testable import Storage

@Suite struct LapWriterTests {
    @Test func storeWritesLapBlobCornersAndZonesTogether() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Writer")
        let lap = SyntheticLap.completed(lapNumber: 4, frameCount: 1_200)
        let lapID = try await LapWriter(database: fixture.database).store(lap, sessionID: session.id, driverID: driver.id)

        let detail = try #require(try await fixture.laps.lap(id: lapID, driverID: driver.id))
        #expect(detail.lap.lapNumber == 4)
        #expect(detail.lap.lapTime == 83.3)
        #expect(detail.lap.isValid)
        #expect(detail.lap.frameCount == 1_200)
        #expect(detail.lap.startTime == lap.frames[0].sessionTime)
        #expect(detail.lap.deltaToReference == lap.deltaToReference)
        #expect(detail.corners == lap.corners)
        #expect(detail.brakingZones == lap.brakingZones)

        let frames = try #require(try await fixture.laps.telemetry(lapID: lapID, driverID: driver.id))
        #expect(frames.count == 1_200)
        #expect(abs(frames[600].speed - lap.frames[600].speed) <= 0x1p-11)
        #expect(try await fixture.laps.laps(sessionID: session.id, driverID: driver.id).map(\.id) == [lapID])
    }

    @Test func storingTheSameLapTwiceReturnsTheFirstID() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Resumer")
        let writer = LapWriter(database: fixture.database)
        let lap = SyntheticLap.completed(lapNumber: 7, frameCount: 300)
        let first = try await writer.store(lap, sessionID: session.id, driverID: driver.id)
        let again = try await writer.store(lap, sessionID: session.id, driverID: driver.id)
        #expect(again == first)

        // Same number but a different first frame (a reset, a new lap with a reused number) is a new lap.
        let reset = SyntheticLap.completed(lapNumber: 7, frameCount: 300, startTime: 2_000)
        let other = try await writer.store(reset, sessionID: session.id, driverID: driver.id)
        #expect(other != first)

        let counts = try await fixture.database.writer.read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM laps") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM lap_telemetry") ?? -1,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM corners") ?? -1)
        }
        #expect(counts.0 == 2 && counts.1 == 2 && counts.2 == 2 * lap.corners.count)
    }

    @Test func concurrentStoresOfOneLapStoreItOnce() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Racer")
        let writer = LapWriter(database: fixture.database)
        let lap = SyntheticLap.completed(lapNumber: 2, frameCount: 500)
        let ids = try await withThrowingTaskGroup(of: Int64.self) { group in
            for _ in 0..<8 { group.addTask { try await writer.store(lap, sessionID: session.id, driverID: driver.id) } }
            return try await group.reduce(into: Set<Int64>()) { $0.insert($1) }
        }
        #expect(ids.count == 1)
        #expect(try await fixture.laps.laps(sessionID: session.id, driverID: driver.id).count == 1)
    }

    @Test func aFailureInsideTheTransactionLeavesNothingBehind() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Atomic")
        // Make the last insert of the transaction (braking zones) fail on the writer connection.
        try await fixture.database.writer.write { db in
            try db.execute(sql: "CREATE TEMP TRIGGER fail_zone BEFORE INSERT ON braking_zones BEGIN SELECT RAISE(ABORT, 'injected'); END")
        }
        let writer = LapWriter(database: fixture.database)
        await #expect(throws: StorageError.self) {
            try await writer.store(SyntheticLap.completed(frameCount: 100), sessionID: session.id, driverID: driver.id)
        }
        let leftovers = try await fixture.database.writer.read { db in
            try Int.fetchOne(db, sql: "SELECT (SELECT COUNT(*) FROM laps) + (SELECT COUNT(*) FROM lap_telemetry) + (SELECT COUNT(*) FROM corners)")
        }
        #expect(leftovers == 0)
    }

    @Test func invalidLapsAreRejectedWithClearErrors() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Invalid")
        let writer = LapWriter(database: fixture.database)
        var empty = SyntheticLap.completed(frameCount: 10)
        empty.frames = []
        await #expect(throws: StorageError.invalidInput("lap 3 has no frames")) {
            try await writer.store(empty, sessionID: session.id, driverID: driver.id)
        }
        var nanStart = SyntheticLap.completed(frameCount: 10)
        nanStart.frames[0].sessionTime = .nan
        await #expect(throws: StorageError.self) { try await writer.store(nanStart, sessionID: session.id, driverID: driver.id) }
        await #expect(throws: StorageError.notFound("session nope")) {
            try await writer.store(SyntheticLap.completed(frameCount: 10), sessionID: "nope", driverID: driver.id)
        }
    }

    @Test func partialLapWithUnmeasuredCornerIsStored() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Partial")
        var corners = SyntheticLap.corners(count: 1)
        corners[0].minimumSpeed = .nan
        corners[0].brakePoint = nil
        let lap = SyntheticLap.completed(frameCount: 50, lapTime: nil, corners: corners)
        let id = try await LapWriter(database: fixture.database).store(lap, sessionID: session.id, driverID: driver.id)
        let detail = try #require(try await fixture.laps.lap(id: id, driverID: driver.id))
        #expect(detail.lap.lapTime == nil && !detail.lap.isValid && detail.lap.invalidReason == "partial")
        #expect(detail.corners.first?.minimumSpeed.isNaN == true)
        #expect(detail.corners.first?.brakePoint == nil)
    }

    @Test func cuesAreRecordedOnceEach() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Listener")
        let writer = LapWriter(database: fixture.database)
        let cues = [
            Cue(id: 1, kind: .feedback, topic: .brakePoint, corner: 1, cornerName: "Paddock Hill", severity: 2,
                text: "Brake ten metres later into Paddock Hill", numbers: CueNumbers(brakePointDelta: -10, timeDelta: 0.12),
                batchSequence: 41),
            Cue(id: 2, kind: .anticipatory, topic: .minimumSpeed, corner: 2, severity: 1, text: "Carry more speed",
                numbers: CueNumbers(minimumSpeedDelta: -6.1), batchSequence: 57, deadlineDistance: 880),
        ]
        try await writer.record(cues: cues, sessionID: session.id, lapNumber: 3)
        try await writer.record(cues: cues, sessionID: session.id, lapNumber: 3)  // resume replay
        let stored = try await fixture.sessions.cues(sessionID: session.id, driverID: driver.id)
        #expect(stored.map(\.cue) == cues)
        #expect(stored.allSatisfy { $0.lapNumber == 3 })
        await #expect(throws: StorageError.notFound("session missing")) {
            try await writer.record(cues: cues, sessionID: "missing", lapNumber: 1)
        }
    }

    @Test func sessionsEndOnceAndListNewestFirst() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, first) = try await fixture.driverWithSession(named: "Sessions")
        let second = try await fixture.sessions.create(
            driverID: driver.id, descriptor: StorageFixture.descriptor, referenceSource: nil, referenceReason: "none",
            startedAt: first.startedAt.addingTimeInterval(60)
        )
        let end = first.startedAt.addingTimeInterval(30)
        try await fixture.sessions.end(sessionID: first.id, driverID: driver.id, at: end)
        try await fixture.sessions.end(sessionID: first.id, driverID: driver.id, at: end.addingTimeInterval(100))
        let listed = try await fixture.sessions.sessions(driverID: driver.id)
        #expect(listed.map(\.id) == [second.id, first.id])
        let ended = try #require(listed.last?.endedAt)
        #expect(abs(ended.timeIntervalSince(end)) < 0.01)
        #expect(listed.first?.descriptor == StorageFixture.descriptor)
        await #expect(throws: StorageError.self) {
            try await fixture.sessions.create(
                driverID: driver.id,
                descriptor: SessionDescriptor(sim: "x", track: TrackDescriptor(name: "T", configuration: "", length: -1), car: "c", sessionType: "p"),
                referenceSource: nil, referenceReason: "none")
        }
    }
}
