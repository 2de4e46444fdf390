import Coaching
import Foundation

/// How long one lap's store took, phase by phase: what `trailbrake-bench storage` reports to
/// pin a tail on the encoding, the SQL statements or the commit (where checkpoints show).
public struct LapStoreTiming: Sendable {
    public var lapID: Int64
    public var encode: Duration
    /// CPU time of the encoding thread: `encode` minus this is time it was preempted.
    public var encodeCPU: Duration
    /// The statements inside the transaction; `insert` adds the actor hop, BEGIN and COMMIT.
    public var statements: Duration
    public var insert: Duration
    public var blobBytes: Int
}

extension LapWriter {
    /// Stores a lap as `store` does and says how long each phase took.
    @concurrent
    public nonisolated func storeTimed(_ lap: CompletedLap, sessionID: String, driverID: Int64) async throws -> LapStoreTiming {
        let clock = ContinuousClock()
        let start = clock.now
        let cpuStart = Self.threadCPUTime()
        let prepared = try PreparedLap(lap)
        let encodeCPU = Self.threadCPUTime() - cpuStart
        let encoded = clock.now
        let inserted = try await insertTimed(prepared, sessionID: sessionID, driverID: driverID)
        return LapStoreTiming(
            lapID: inserted.lapID, encode: encoded - start, encodeCPU: encodeCPU, statements: inserted.statements,
            insert: clock.now - encoded, blobBytes: prepared.telemetry.count)
    }

    /// Checkpoints finished so far, and those that copied the whole WAL.
    public var checkpointCounts: (finished: Int, complete: Int) { (checkpointsFinished, checkpointsComplete) }

    private static func threadCPUTime() -> Duration {
        var time = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }
}
