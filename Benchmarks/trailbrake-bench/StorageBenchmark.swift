import Coaching
import Foundation
import Storage
import Telemetry
import TestSupport

/// Measures storing completed laps against the design budget ("a completed lap of about 5,000
/// frames stored in under 5 ms p99, off the live path"): `runs` runs of `laps` laps of
/// `BenchmarkLap` (5,000 frames, 18 channels), each into a fresh WAL file with the default
/// `synchronous = NORMAL` and checkpoint policy. Prints every run's phases (encode, SQL
/// statements, commit, insert = both, total) and then the range of each p50 and p99 across runs.
/// `packed`: the lap comes packed in the spool's 60-frame chunks, as a live session hands it
/// over, and is stored as its chunks. Build with `-c release`; debug numbers are meaningless.
func runStorageBenchmark(
    laps: Int = 200, runs: Int = 3, checkpointPolicy: CheckpointPolicy = .default, packed: Bool = false
) async throws -> String {
    var lap = BenchmarkLap.completed(frameCount: 5_000)
    if packed { lap.lapFrames = packedAsLive(lap.frames) }
    var results: [LapStoreBenchmarkResult] = []
    var report: [String] = []
    for run in 1...max(runs, 1) {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("trailbrake-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try await LapStoreBenchmark.run(
            lap: lap, laps: laps, path: directory.appendingPathComponent("bench.sqlite").path,
            checkpointPolicy: checkpointPolicy
        )
        results.append(result)
        report.append("run \(run): \(result)")
    }
    report.append(storageSummary(results))
    return report.joined(separator: "\n\n")
}

/// `frames` as a live lap holds them at the line: whole chunks packed by the storage codec, and
/// the frames after the last one.
private func packedAsLive(_ frames: [TelemetryFrame]) -> LapFrames {
    let packer = LapTelemetryChunkPacker(chunkFrames: LapTelemetryChunkPacker.spooledChunkFrames)
    let whole = frames.count - frames.count % packer.chunkFrames
    let chunks = stride(from: 0, to: whole, by: packer.chunkFrames).map { start in
        packer.pack(Array(frames[start..<(start + packer.chunkFrames)]))
    }
    return .packed(PackedLapFrames(packer: packer, chunks: chunks, tail: Array(frames[whole...])))
}

/// "p50 a–b ms, p99 c–d ms" per phase across runs, and the blob size.
private func storageSummary(_ results: [LapStoreBenchmarkResult]) -> String {
    func range(_ values: [Double]) -> String {
        let low = values.min() ?? 0, high = values.max() ?? 0
        return String(format: "%.2f–%.2f ms", low, high)
    }
    func row(_ name: String, _ phase: (LapStoreBenchmarkResult) -> LapStoreBenchmarkResult.Percentiles) -> String {
        name.padding(toLength: 8, withPad: " ", startingAt: 0)
            + "p50 \(range(results.map { phase($0).p50 }))   p99 \(range(results.map { phase($0).p99 }))"
    }
    let blob = results.last.map { "blob \($0.blobBytes) B per lap (\(String(format: "%.1f", $0.compressionRatio))× smaller than the frames)" } ?? ""
    return ([
        "summary of \(results.count) runs × \(results.first?.laps ?? 0) laps (5 ms p99 budget for total):",
        row("encode", \.encode), row("enc CPU", \.encodeCPU), row("commit", \.commit), row("insert", \.insert),
        row("total", \.total),
    ] + [blob]).joined(separator: "\n")
}
