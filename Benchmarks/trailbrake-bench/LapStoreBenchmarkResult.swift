import Foundation
import Storage

/// Per-phase timings of a `LapStoreBenchmark` run, in milliseconds.
public struct LapStoreBenchmarkResult: Sendable, CustomStringConvertible {
    /// Nearest-rank p50 and p99, and the maximum.
    public struct Percentiles: Sendable {
        public var p50: Double
        public var p99: Double
        public var max: Double

        init(_ values: [Double]) {
            let sorted = values.sorted()
            func rank(_ fraction: Double) -> Double {
                guard !sorted.isEmpty else { return 0 }
                return sorted[min(sorted.count - 1, Swift.max(0, Int((fraction * Double(sorted.count)).rounded(.up)) - 1))]
            }
            p50 = rank(0.5)
            p99 = rank(0.99)
            max = sorted.last ?? 0
        }
    }

    /// Raw per-lap samples in milliseconds.
    struct Samples {
        var encode: [Double] = [], encodeCPU: [Double] = [], statements: [Double] = [], commit: [Double] = [], insert: [Double] = []
        var total: [Double] = []

        /// `insert` runs from the end of encoding to `store`'s return; `statements` is the part
        /// of it inside the transaction, so `commit` is the actor hop, BEGIN and COMMIT.
        mutating func append(
            encode encodeTime: Duration, encodeCPU encodeCPUTime: Duration, statements statementTime: Duration,
            insert insertTime: Duration
        ) {
            encode.append(Self.milliseconds(encodeTime))
            encodeCPU.append(Self.milliseconds(encodeCPUTime))
            statements.append(Self.milliseconds(statementTime))
            commit.append(Self.milliseconds(insertTime - statementTime))
            insert.append(Self.milliseconds(insertTime))
            total.append(Self.milliseconds(encodeTime + insertTime))
        }

        static func milliseconds(_ duration: Duration) -> Double {
            let parts = duration.components
            return Double(parts.seconds) * 1_000 + Double(parts.attoseconds) / 1e15
        }
    }

    public var laps: Int
    public var framesPerLap: Int
    public var encode: Percentiles
    /// The encoding thread's CPU time: what encode costs when the thread is not preempted.
    public var encodeCPU: Percentiles
    /// The SQL statements inside the transaction.
    public var statements: Percentiles
    /// Actor hop, BEGIN and COMMIT (and, with `.automaticInCommit`, the checkpoints).
    public var commit: Percentiles
    /// Statements plus commit: from encoded to stored.
    public var insert: Percentiles
    public var total: Percentiles
    /// Stored telemetry bytes per lap, and the in-memory size of the frames.
    public var blobBytes: Int
    public var rawBytes: Int
    /// Checkpoints `LapWriter` ran, and how many copied the whole WAL (0 with
    /// `.automaticInCommit`, where SQLite runs them inside commits).
    public var checkpoints: (finished: Int, complete: Int)
    /// Size of the WAL file after the last lap (its high-water mark: SQLite reuses it from the start).
    public var walBytes: Int
    public var checkpointPolicy: CheckpointPolicy

    init(
        samples: Samples, framesPerLap: Int, blobBytes: Int, rawBytes: Int, checkpoints: (finished: Int, complete: Int),
        walBytes: Int, checkpointPolicy: CheckpointPolicy
    ) {
        laps = samples.total.count
        self.framesPerLap = framesPerLap
        encode = Percentiles(samples.encode)
        encodeCPU = Percentiles(samples.encodeCPU)
        statements = Percentiles(samples.statements)
        commit = Percentiles(samples.commit)
        insert = Percentiles(samples.insert)
        total = Percentiles(samples.total)
        self.blobBytes = blobBytes
        self.rawBytes = rawBytes
        self.checkpoints = checkpoints
        self.walBytes = walBytes
        self.checkpointPolicy = checkpointPolicy
    }

    public var compressionRatio: Double { Double(rawBytes) / Double(Swift.max(blobBytes, 1)) }

    public var description: String {
        func row(_ name: String, _ value: Percentiles) -> String {
            name.padding(toLength: 12, withPad: " ", startingAt: 0)
                + String(format: "p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms", value.p50, value.p99, value.max)
        }
        return [
            "\(laps) laps × \(framesPerLap) frames, checkpoints: \(checkpointPolicy), by LapWriter: "
                + "\(checkpoints.finished) (\(checkpoints.complete) complete), WAL \(walBytes) B",
            row("encode", encode), row("encode CPU", encodeCPU), row("statements", statements), row("commit", commit), row("insert", insert),
            row("total", total),
            "blob \(blobBytes) B of \(rawBytes) B raw (\(String(format: "%.1f", compressionRatio))×)",
        ].joined(separator: "\n")
    }
}
