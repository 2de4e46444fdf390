import Coaching
import Foundation
import Storage
import Telemetry

/// Times storing laps end to end (encode + one transaction) on a real WAL file, for the
/// "completed lap stored in under 5 ms p99" budget. Callers provide the lap, so the
/// benchmark measures exactly the frames they care about (`syntheticLap` is a realistic one).
enum LapStoreBenchmark {
    /// Stores `lap` `laps` times (with increasing lap numbers) into a new database at `path`.
    /// Each phase is timed separately, so a tail can be pinned on encode, the SQL statements,
    /// or the commit (which is where SQLite's automatic checkpoint runs).
    static func run(
        lap: CompletedLap, laps: Int = 50, path: String, synchronous: SynchronousMode = .normal,
        checkpointPolicy: CheckpointPolicy = .default
    ) async throws -> LapStoreBenchmarkResult {
        let database = try TrailbrakeDatabase(path: path, synchronous: synchronous, checkpointPolicy: checkpointPolicy)
        let driver = try await DriverRepository(database: database).createDriver(name: "benchmark-\(UUID().uuidString.prefix(8))")
        let session = try await SessionRepository(database: database).create(
            driverID: driver.id,
            descriptor: SessionDescriptor(
                sim: "benchmark", track: TrackDescriptor(name: "Benchmark", configuration: "", length: 5_000),
                car: "benchmark", sessionType: "practice"
            ),
            referenceSource: nil, referenceReason: "none"
        )
        let writer = LapWriter(database: database)
        var samples = LapStoreBenchmarkResult.Samples()
        var blobBytes = 0
        for index in 0..<max(laps, 1) {
            var copy = lap
            copy.lapNumber = lap.lapNumber &+ Int32(truncatingIfNeeded: index)
            let timing = try await writer.storeTimed(copy, sessionID: session.id, driverID: driver.id)
            samples.append(encode: timing.encode, encodeCPU: timing.encodeCPU, statements: timing.statements, insert: timing.insert)
            blobBytes = timing.blobBytes
        }
        let walBytes = (try? FileManager.default.attributesOfItem(atPath: path + "-wal")[.size] as? Int) ?? 0
        await writer.waitForCheckpoint()
        return LapStoreBenchmarkResult(
            samples: samples, framesPerLap: lap.frames.count, blobBytes: blobBytes,
            rawBytes: lap.frames.count * MemoryLayout<TelemetryFrame>.stride,
            checkpoints: await writer.checkpointCounts,
            walBytes: walBytes, checkpointPolicy: checkpointPolicy
        )
    }
}
