import Coaching
import Foundation
import Storage

/// Where laps that could not be stored wait on disk: when the memory for waiting laps is full,
/// and at shutdown (`LapStoreQueue`). The server wires Storage's `PendingLapDirectory`
/// (`<data_dir>/pending-laps`); without one, a waiting lap that does not fit in memory is
/// dropped with an error log and counted (`trailbrake_laps_lost_total`).
public protocol PendingLapSpill: Sendable {
    /// Writes the lap to its file, durably. Blocking file I/O: called off the live path.
    func spill(_ lap: CompletedLap, sessionID: String, driverID: Int64) throws -> SpilledLap
    /// The lap files waiting now, oldest first, at most `limit`.
    func spilledLaps(limit: Int) -> [SpilledLap]
    /// Stores the lap of `file` (once, however often it is called) and deletes the file; returns its id.
    func store(_ file: SpilledLap) async throws -> Int64
}
