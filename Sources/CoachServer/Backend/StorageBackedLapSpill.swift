import Coaching
import Foundation
import Storage

/// `PendingLapSpill` on Storage's `PendingLapDirectory`, storing through the server's `LapWriter`.
public struct StorageBackedLapSpill: PendingLapSpill {
    let directory: PendingLapDirectory
    let writer: LapWriter

    public init(directory: PendingLapDirectory, writer: LapWriter) {
        self.directory = directory
        self.writer = writer
    }

    public func spill(_ lap: CompletedLap, sessionID: String, driverID: Int64) throws -> SpilledLapFile {
        SpilledLapFile(try directory.spill(lap, sessionID: sessionID, driverID: driverID))
    }

    public func spilledLaps(limit: Int) -> [SpilledLapFile] {
        directory.list(limit: limit).map(SpilledLapFile.init)
    }

    public func store(_ file: SpilledLapFile) async throws -> Int64 {
        try await directory.store(
            SpilledLap(
                url: file.url, sessionID: file.sessionID, driverID: file.driverID, lapNumber: file.lapNumber,
                frameCount: file.frameCount),
            writer: writer)
    }
}

extension SpilledLapFile {
    init(_ spilled: SpilledLap) {
        self.init(
            url: spilled.url, sessionID: spilled.sessionID, driverID: spilled.driverID, lapNumber: spilled.lapNumber,
            frameCount: spilled.frameCount)
    }
}
