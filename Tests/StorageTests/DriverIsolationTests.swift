import Coaching
import Foundation
import Testing

@testable import Storage

/// Driver B must never see driver A's data through any read API, and must get exactly what a
/// missing id gives (so ids cannot be probed).
@Suite struct DriverIsolationTests {
    @Test func everyReadIsScopedByDriver() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (alice, aliceSession) = try await fixture.driverWithSession(named: "Alice")
        let (bob, bobSession) = try await fixture.driverWithSession(named: "Bob")
        let writer = LapWriter(database: fixture.database)
        let lapA = try await writer.store(SyntheticLap.completed(lapNumber: 1, frameCount: 200), sessionID: aliceSession.id, driverID: alice.id)
        let lapB = try await writer.store(
            SyntheticLap.completed(lapNumber: 2, frameCount: 200, startTime: 2_000), sessionID: aliceSession.id, driverID: alice.id)
        try await writer.record(
            cues: [Cue(id: 1, kind: .feedback, topic: .gear, corner: 1, severity: 1, text: "Use third", numbers: CueNumbers(), batchSequence: 1)],
            sessionID: aliceSession.id, lapNumber: 1)
        let missingLap: Int64 = 9_999

        // Alice sees her data (so the negative checks below are meaningful).
        #expect(try await fixture.sessions.session(id: aliceSession.id, driverID: alice.id) != nil)
        #expect(try await fixture.laps.laps(sessionID: aliceSession.id, driverID: alice.id).count == 2)
        #expect(try await fixture.laps.lap(id: lapA, driverID: alice.id) != nil)
        #expect(try await fixture.laps.telemetry(lapID: lapA, driverID: alice.id) != nil)
        #expect(try await fixture.laps.compare(lapA: lapA, lapB: lapB, driverID: alice.id) != nil)
        #expect(try await fixture.sessions.cues(sessionID: aliceSession.id, driverID: alice.id).count == 1)

        // Bob gets what a missing id gives.
        #expect(try await fixture.sessions.sessions(driverID: bob.id).map(\.id) == [bobSession.id])
        #expect(try await fixture.sessions.session(id: aliceSession.id, driverID: bob.id) == nil)
        #expect(try await fixture.laps.laps(sessionID: aliceSession.id, driverID: bob.id).isEmpty)
        #expect(try await fixture.laps.lap(id: lapA, driverID: bob.id) == nil)
        #expect(try await fixture.laps.lap(id: missingLap, driverID: bob.id) == nil)
        #expect(try await fixture.laps.telemetry(lapID: lapA, driverID: bob.id) == nil)
        #expect(try await fixture.laps.telemetry(lapID: missingLap, driverID: bob.id) == nil)
        #expect(try await fixture.laps.compare(lapA: lapA, lapB: lapB, driverID: bob.id) == nil)
        #expect(try await fixture.sessions.cues(sessionID: aliceSession.id, driverID: bob.id).isEmpty)
    }

    @Test func aDriverCannotWriteIntoOrEndAnotherDriversSession() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (_, aliceSession) = try await fixture.driverWithSession(named: "Alice")
        let (bob, _) = try await fixture.driverWithSession(named: "Bob")
        await #expect(throws: StorageError.notFound("session \(aliceSession.id)")) {
            try await LapWriter(database: fixture.database).store(
                SyntheticLap.completed(frameCount: 10), sessionID: aliceSession.id, driverID: bob.id)
        }
        await #expect(throws: StorageError.notFound("session \(aliceSession.id)")) {
            try await fixture.sessions.end(sessionID: aliceSession.id, driverID: bob.id)
        }
    }
}
