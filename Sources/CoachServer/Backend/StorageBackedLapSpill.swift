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

    public func spill(_ lap: CompletedLap, sessionID: String, driverID: Int64) throws -> SpilledLap {
        try directory.spill(lap, sessionID: sessionID, driverID: driverID)
    }

    public func spilledLaps(limit: Int) -> [SpilledLap] { directory.list(limit: limit) }

    public func store(_ file: SpilledLap) async throws -> Int64 { try await directory.store(file, writer: writer) }
}
