import Coaching
import Foundation

/// Where laps that could not be stored wait on disk: when the memory for waiting laps is full,
/// and at shutdown (`LapStoreQueue`). The server wires Storage's `PendingLapDirectory`
/// (`<data_dir>/pending-laps`); without one, a waiting lap that does not fit in memory is
/// dropped with an error log and counted (`trailbrake_laps_lost_total`).
public protocol PendingLapSpill: Sendable {
    /// Writes the lap to its file, durably. Blocking file I/O: called off the live path.
    func spill(_ lap: CompletedLap, sessionID: String, driverID: Int64) throws -> SpilledLapFile
    /// The lap files waiting now, oldest first, at most `limit`.
    func spilledLaps(limit: Int) -> [SpilledLapFile]
    /// Stores the lap of `file` (once, however often it is called) and deletes the file; returns its id.
    func store(_ file: SpilledLapFile) async throws -> Int64
}

/// A lap waiting in a file.
public struct SpilledLapFile: Sendable, Equatable {
    public var url: URL
    public var sessionID: String
    public var driverID: Int64
    public var lapNumber: Int32
    public var frameCount: Int

    public init(url: URL, sessionID: String, driverID: Int64, lapNumber: Int32, frameCount: Int) {
        self.url = url
        self.sessionID = sessionID
        self.driverID = driverID
        self.lapNumber = lapNumber
        self.frameCount = frameCount
    }
}
