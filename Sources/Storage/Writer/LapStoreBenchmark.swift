import Coaching
import Foundation
import Telemetry

/// Times storing laps end to end (encode + one transaction) on a real WAL file, for the
/// "completed lap stored in under 5 ms p99" budget. Callers provide the lap, so the
/// benchmark measures exactly the frames they care about.
public enum LapStoreBenchmark {
    public struct Result: Sendable, CustomStringConvertible {
        public var laps: Int
        public var framesPerLap: Int
        /// Milliseconds, p50 and p99, for the encode step, the transaction, and both.
        public var encodeMilliseconds: (p50: Double, p99: Double)
        public var insertMilliseconds: (p50: Double, p99: Double)
        public var totalMilliseconds: (p50: Double, p99: Double)
        /// Stored telemetry bytes per lap, and the in-memory size of the frames.
        public var blobBytes: Int
        public var rawBytes: Int

        public var compressionRatio: Double { Double(rawBytes) / Double(max(blobBytes, 1)) }

        public var description: String {
            func format(_ pair: (p50: Double, p99: Double)) -> String {
                String(format: "p50 %.2f ms, p99 %.2f ms", pair.p50, pair.p99)
            }
            return "\(laps) laps × \(framesPerLap) frames: encode \(format(encodeMilliseconds)); "
                + "insert+commit \(format(insertMilliseconds)); total \(format(totalMilliseconds)); "
                + "blob \(blobBytes) B of \(rawBytes) B raw (\(String(format: "%.1f", compressionRatio))×)"
        }
    }

    /// Stores `lap` `laps` times (with increasing lap numbers) into a new database at `path`.
    public static func run(
        lap: CompletedLap, laps: Int = 50, path: String, synchronous: SynchronousMode = .normal
    ) async throws -> Result {
        let database = try TrailbrakeDatabase(path: path, synchronous: synchronous)
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
        let clock = ContinuousClock()
        var encode: [Double] = [], insert: [Double] = [], total: [Double] = []
        var blobBytes = 0
        for index in 0..<max(laps, 1) {
            var copy = lap
            copy.lapNumber = lap.lapNumber &+ Int32(truncatingIfNeeded: index)
            let start = clock.now
            let prepared = try PreparedLap(copy)
            let encoded = clock.now
            _ = try await writer.insert(prepared, sessionID: session.id, driverID: driver.id)
            let end = clock.now
            encode.append(milliseconds(encoded - start))
            insert.append(milliseconds(end - encoded))
            total.append(milliseconds(end - start))
            blobBytes = prepared.telemetry.count
        }
        return Result(
            laps: total.count, framesPerLap: lap.frames.count, encodeMilliseconds: percentiles(encode),
            insertMilliseconds: percentiles(insert), totalMilliseconds: percentiles(total),
            blobBytes: blobBytes, rawBytes: lap.frames.count * MemoryLayout<TelemetryFrame>.stride
        )
    }

    private static func milliseconds(_ duration: Duration) -> Double {
        let parts = duration.components
        return Double(parts.seconds) * 1_000 + Double(parts.attoseconds) / 1e15
    }

    /// Nearest-rank percentiles.
    private static func percentiles(_ values: [Double]) -> (p50: Double, p99: Double) {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return (0, 0) }
        func rank(_ fraction: Double) -> Double {
            sorted[min(sorted.count - 1, max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
        }
        return (rank(0.5), rank(0.99))
    }
}
