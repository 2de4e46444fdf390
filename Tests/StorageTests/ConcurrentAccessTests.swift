import Foundation
import Testing

@testable import Storage

@Suite struct ConcurrentAccessTests {
    /// Readers run while the writer stores laps: each read sees a committed state (every listed
    /// lap has decodable telemetry of the right length) and the lap count never goes backwards.
    @Test func readersSeeConsistentSnapshotsWhileTheWriterWrites() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Busy")
        let writer = LapWriter(database: fixture.database)
        let lapCount = 15
        let laps = fixture.laps

        try await withThrowingTaskGroup(of: Int.self) { group in
            group.addTask {
                for number in 1...lapCount {
                    _ = try await writer.store(
                        SyntheticLap.completed(lapNumber: Int32(number), frameCount: 1_000, startTime: Double(number) * 100),
                        sessionID: session.id, driverID: driver.id)
                }
                return lapCount
            }
            for _ in 0..<3 {
                group.addTask {
                    var lastSeen = 0
                    var reads = 0
                    while lastSeen < lapCount {
                        let rows = try await laps.laps(sessionID: session.id, driverID: driver.id)
                        #expect(rows.count >= lastSeen)
                        lastSeen = rows.count
                        if let newest = rows.last {
                            let frames = try await laps.telemetry(lapID: newest.id, driverID: driver.id)
                            #expect(frames?.count == newest.frameCount)
                        }
                        reads += 1
                        await Task.yield()
                    }
                    return reads
                }
            }
            for try await _ in group {}
        }
        #expect(try await laps.laps(sessionID: session.id, driverID: driver.id).map(\.lapNumber) == Array(1...Int32(lapCount)))
    }
}
