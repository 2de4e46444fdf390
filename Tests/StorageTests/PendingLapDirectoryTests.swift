import Coaching
import Foundation
import Telemetry
import Testing

@testable import Storage

/// Laps that failed to store wait in files (`PendingLapDirectory`): exactly the rows a direct
/// store writes, once however often, and a damaged file is set aside, never trusted or deleted.
@Suite struct PendingLapDirectoryTests {
    /// A first-frame time that JSON must carry to the last bit (the lap's identity in the store).
    static let awkwardStart = 1_234.000_000_000_123_4

    @Test func aSpilledLapStoresTheSameRowsAsADirectStoreAndOnlyOnce() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Spiller")
        var lap = SyntheticLap.completed(lapNumber: 5, frameCount: 800, startTime: Self.awkwardStart)
        lap.corners[0].minimumSpeed = .nan  // unmeasurable: NULL in SQLite, must survive the file too
        let directory = PendingLapDirectory(directory: fixture.directory.appendingPathComponent("pending-laps"))
        let spilled = try directory.spill(lap, sessionID: session.id, driverID: driver.id)
        #expect(try directory.spill(lap, sessionID: session.id, driverID: driver.id) == spilled, "one file per lap")
        #expect(directory.list(limit: 10) == [spilled])

        let writer = LapWriter(database: fixture.database)
        let fromFile = try await directory.store(spilled, writer: writer)
        #expect(!FileManager.default.fileExists(atPath: spilled.url.path), "the file goes once the lap is committed")
        // The first attempt may have committed before it failed: storing it again is a no-op.
        #expect(try await writer.store(lap, sessionID: session.id, driverID: driver.id) == fromFile)

        let detail = try #require(try await fixture.laps.lap(id: fromFile, driverID: driver.id))
        #expect(detail.lap.startTime.bitPattern == Self.awkwardStart.bitPattern)
        #expect(detail.lap.frameCount == 800 && detail.lap.lapTime == lap.lapTime && detail.brakingZones == lap.brakingZones)
        #expect(detail.corners.count == lap.corners.count && detail.corners[0].minimumSpeed.isNaN)
        let frames = try #require(try await fixture.laps.telemetry(lapID: fromFile, driverID: driver.id))
        #expect(frames.count == 800 && abs(frames[400].speed - lap.frames[400].speed) <= 0x1p-11)
        #expect(try await fixture.laps.laps(sessionID: session.id, driverID: driver.id).count == 1)
    }

    @Test func aDamagedFileIsSetAsideNotStoredNotDeleted() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let (driver, session) = try await fixture.driverWithSession(named: "Damaged")
        let directory = PendingLapDirectory(directory: fixture.directory.appendingPathComponent("pending-laps"))
        let spilled = try directory.spill(SyntheticLap.completed(frameCount: 300), sessionID: session.id, driverID: driver.id)
        var bytes = try Data(contentsOf: spilled.url)
        bytes[bytes.count / 2] ^= 0x40
        try bytes.write(to: spilled.url)

        await #expect(throws: StorageError.self) { try await directory.store(spilled, writer: LapWriter(database: fixture.database)) }
        #expect(directory.list(limit: 10).isEmpty)
        #expect(FileManager.default.fileExists(atPath: spilled.url.path + ".corrupt"), "kept for the operator")
        #expect(try await fixture.laps.laps(sessionID: session.id, driverID: driver.id).isEmpty)
    }

    @Test func everyTruncationOfAFileIsRefused() throws {
        let lap = SyntheticLap.completed(frameCount: 50)
        let bytes = try PendingLapFile.encode(try PreparedLap(lap), sessionID: "s", driverID: 1)
        #expect(try PendingLapFile.decode(bytes).header.frameCount == 50)
        for length in stride(from: 0, to: bytes.count, by: 7) {
            #expect(throws: StorageError.self) { try PendingLapFile.decode(Array(bytes.prefix(length))) }
        }
    }
}
