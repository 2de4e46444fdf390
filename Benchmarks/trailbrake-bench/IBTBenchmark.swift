import Foundation
import Telemetry

/// How fast `IBTFile` turns a recording into frames: open (map, check, parse the YAML with Yams)
/// plus `frames()` over every row, which reads the coaching channels (`IBTFrameChannels`: time,
/// lap, distance, speed, pedals, steering, gear, rpm, accelerations, position, pit, surface).
/// Each file is read `runs` times; the fastest run counts (the others met a busy shared core).
struct IBTBenchmark {
    struct FileResult {
        var name: String
        var bytes: Int
        var rows: Int
        var seconds: Double
        var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        var rowsPerSecond: Double { Double(rows) / seconds }
    }

    static func run(files: [URL], runs: Int) throws -> [FileResult] {
        try files.map { url in
            var best = Double.infinity
            var rows = 0
            for _ in 0..<max(runs, 1) {
                let start = ContinuousClock.now
                let frames = try IBTFile(contentsOf: url).frames()
                let elapsed = start.duration(to: .now)
                rows = frames.count
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }
            let bytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            return FileResult(name: url.lastPathComponent, bytes: bytes, rows: rows, seconds: best)
        }
    }

    /// One line per file, then `TOTAL` with the whole set's MB/s and rows/s (total bytes or rows
    /// over total best time), the line `scripts/bench-ibt.sh` parses.
    static func report(_ results: [FileResult]) -> String {
        var lines = results.map { result in
            result.name.padding(toLength: 56, withPad: " ", startingAt: 0)
                + String(format: " %7.2f MB %6d rows %8.2f ms %8.1f MB/s %11.0f rows/s",
                         Double(result.bytes) / 1_000_000, result.rows, result.seconds * 1000,
                         result.megabytesPerSecond, result.rowsPerSecond)
        }
        let bytes = results.reduce(0) { $0 + $1.bytes }, rows = results.reduce(0) { $0 + $1.rows }
        let seconds = results.reduce(0) { $0 + $1.seconds }
        lines.append(String(format: "TOTAL swift mb_per_s=%.1f rows_per_s=%.0f seconds=%.6f",
                            Double(bytes) / 1_000_000 / seconds, Double(rows) / seconds, seconds))
        return lines.joined(separator: "\n")
    }
}
