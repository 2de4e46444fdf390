import Coaching
import Foundation
import Testing

@testable import Storage

@Suite struct LapComparisonTests {
    @Test func cornersAreMatchedByNumberAndDiffedBMinusA() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Comparer")
        let writer = LapWriter(database: fixture.database)
        // Lap B brakes 8 m later everywhere, carries 3 km/h more through corner 2, and has no corner 3.
        var cornersB = Array(SyntheticLap.corners(count: 3, brakeShift: 8).prefix(2).reversed())
        cornersB[0].minimumSpeed += 3  // corner 2 (reversed order on purpose)
        cornersB[0].versusReference.timeDelta = -0.05
        let a = try await writer.store(SyntheticLap.completed(lapNumber: 1, frameCount: 100), sessionID: session.id, driverID: driver.id)
        let b = try await writer.store(
            SyntheticLap.completed(lapNumber: 2, frameCount: 100, startTime: 2_000, lapTime: 82.8, corners: cornersB),
            sessionID: session.id, driverID: driver.id)

        let comparison = try #require(try await fixture.laps.compare(lapA: a, lapB: b, driverID: driver.id))
        #expect(comparison.lapA.id == a && comparison.lapB.id == b)
        #expect(abs((comparison.lapTimeDelta ?? 0) - (82.8 - 83.3)) < 1e-9)
        #expect(comparison.corners.map(\.corner) == [1, 2])
        #expect(comparison.corners.allSatisfy { $0.brakePointDelta == 8 })
        #expect(comparison.corners[0].minimumSpeedDelta == 0)
        #expect(comparison.corners[1].minimumSpeedDelta == 3)
        // Corner 2 of lap A lost 0.2 s to its reference, lap B gained 0.05 s: B is 0.25 s quicker there.
        #expect(abs((comparison.corners[1].timeDelta ?? 0) - (-0.25)) < 1e-9)
        #expect(comparison.corners[0].name == "Turn 1")
    }

    @Test func partialLapHasNoLapTimeDelta() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Partial")
        let writer = LapWriter(database: fixture.database)
        let a = try await writer.store(SyntheticLap.completed(lapNumber: 1, frameCount: 50), sessionID: session.id, driverID: driver.id)
        let b = try await writer.store(
            SyntheticLap.completed(lapNumber: 2, frameCount: 50, startTime: 9, lapTime: nil), sessionID: session.id, driverID: driver.id)
        let comparison = try #require(try await fixture.laps.compare(lapA: a, lapB: b, driverID: driver.id))
        #expect(comparison.lapTimeDelta == nil)
        #expect(comparison.corners.count == 3)
    }
}
