import ArgumentParser
import Foundation
import Telemetry

/// How fast the .ibt reader reads recordings, per `Work`. Each file is read `runs` times; the
/// fastest run counts (the others met a busy shared core).
struct IBTBenchmark {
    /// What one read of a file does.
    enum Work: String, CaseIterable, ExpressibleByArgument {
        /// `IBTReader` (map, every header check, no YAML) plus `frames()`: every row's coaching
        /// channels (`IBTFrameChannels`: time, lap, distance, speed, pedals, steering, gear, rpm,
        /// accelerations, position, pit, surface), built into `TelemetryFrame`s.
        case coaching
        /// The same through `IBTFile`, which parses the session YAML with Yams at open.
        case coachingWithSessionInfo = "coaching-with-session-info"
        /// `IBTReader` plus a column of every element of every channel.
        case all
    }

    struct FileResult {
        var name: String
        var bytes: Int
        var rows: Int
        var seconds: Double
        var megabytesPerSecond: Double { Double(bytes) / 1_000_000 / seconds }
        var rowsPerSecond: Double { Double(rows) / seconds }
    }

    static func run(files: [URL], runs: Int, work: Work) throws -> [FileResult] {
        try files.map { url in
            var best = Double.infinity
            var rows = 0
            for _ in 0..<max(runs, 1) {
                let start = ContinuousClock.now
                rows = try read(url, work)
                let elapsed = start.duration(to: .now)
                best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            }
            let bytes = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            return FileResult(name: url.lastPathComponent, bytes: bytes, rows: rows, seconds: best)
        }
    }

    /// The rows read.
    private static func read(_ url: URL, _ work: Work) throws -> Int {
        switch work {
        case .coaching:
            return try IBTReader(contentsOf: url).frames().count
        case .coachingWithSessionInfo:
            return try IBTFile(contentsOf: url).frames().count
        case .all:
            let reader = try IBTReader(contentsOf: url)
            let columns = reader.variables.compactMap(reader.column)
            return columns.isEmpty ? 0 : columns[0].values.count / columns[0].variable.count
        }
    }

    /// One line per file, then `TOTAL swift-WORK` with the whole set's MB/s and rows/s (total
    /// bytes or rows over total best time), the line `scripts/bench-ibt.sh` parses.
    static func report(_ results: [FileResult], work: Work) -> String {
        var lines = results.map { result in
            result.name.padding(toLength: 56, withPad: " ", startingAt: 0)
                + String(format: " %7.2f MB %6d rows %8.2f ms %8.1f MB/s %11.0f rows/s",
                         Double(result.bytes) / 1_000_000, result.rows, result.seconds * 1000,
                         result.megabytesPerSecond, result.rowsPerSecond)
        }
        let bytes = results.reduce(0) { $0 + $1.bytes }, rows = results.reduce(0) { $0 + $1.rows }
        let seconds = results.reduce(0) { $0 + $1.seconds }
        lines.append(String(format: "TOTAL swift-%@ mb_per_s=%.1f rows_per_s=%.0f seconds=%.6f",
                            work.rawValue, Double(bytes) / 1_000_000 / seconds, Double(rows) / seconds, seconds))
        return lines.joined(separator: "\n")
    }
}
