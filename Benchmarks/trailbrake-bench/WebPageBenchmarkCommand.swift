import ArgumentParser
import Foundation
import Storage
import Telemetry
import TestSupport
import WebPages

/// `trailbrake-bench web`: the lap page's server work and size (budgets: p99 < 20 ms, < 150 KB
/// transferred with gzip). Each iteration does what `GET /laps/{id}` does after its SQLite reads:
/// decode the stored blob (5,000 frames), put it on the grid, render the page against a
/// 5,000-frame reference, gzip it. The frames are `BenchmarkLap`'s, noisy on every channel, so
/// the simplifier gets no easy straights.
struct WebPageBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "web", abstract: "Time and size of the lap page for a 5,000-frame lap.")

    @Option(help: "Pages rendered (after 20 warm-up renders).")
    var iterations = 500

    @Option(help: "Page language: en or tr.")
    var language = "en"

    mutating func run() async throws {
        let renderer = try WebPageRenderer()
        let blob = LapTelemetryCodec.encode(BenchmarkLap.frames(count: 5_000, seed: 42))
        let referenceFrames = BenchmarkLap.frames(count: 5_000, seed: 43)
        let corners = (0..<12).map {
            CornerMark(number: $0 + 1, name: nil, startDistance: Double($0) * 300 + 100, apexDistance: Double($0) * 300 + 150,
                       timeLost: 0.01 * Double($0), minimumSpeed: 110, brakePoint: Double($0) * 300 + 90)
        }
        guard let reference = Self.traces(referenceFrames) else { throw ValidationError("the reference does not grid") }
        let chrome = PageChrome(language: WebLanguage(rawValue: language) ?? .english, path: "/laps/1", driverName: "bench", csrfToken: "token")

        var histogram = LatencyHistogram()
        var phases = [LatencyHistogram](repeating: LatencyHistogram(), count: 4)
        var html = "", compressed: [UInt8] = []
        for iteration in 0..<(iterations + 20) {
            var marks = [ContinuousClock.now]
            let frames = try LapTelemetryCodec.decode(blob)
            marks.append(.now)
            guard let lap = Self.traces(frames) else { throw ValidationError("the lap does not grid") }
            marks.append(.now)
            let input = LapPageInput(
                kind: .againstReference, sessionID: "bench", track: "Benchmark Ring", car: "GT4", lapNumber: 3,
                lapTime: 83.3, delta: 0.42, lap: lap, reference: reference, corners: corners)
            html = renderer.lap(input, chrome: chrome)
            marks.append(.now)
            compressed = GzipEncoding.gzip(Array(html.utf8)) ?? []
            marks.append(.now)
            guard iteration >= 20 else { continue }
            histogram.record(nanoseconds: Self.nanoseconds(marks[4] - marks[0]))
            for phase in 0..<4 { phases[phase].record(nanoseconds: Self.nanoseconds(marks[phase + 1] - marks[phase])) }
        }
        let assets = ["web.css", "web.js"].compactMap(WebAssets.named).map { GzipEncoding.gzip($0.bytes)?.count ?? 0 }
        let total = compressed.count + assets.reduce(0, +)
        print("lap page, 5,000-frame lap against a 5,000-frame reference, \(iterations) renders (decode + grid + render + gzip):")
        print("  \(histogram.summary)")
        for (name, phase) in zip(["decode", "grid", "render", "gzip"], phases) { print("  \(name): \(phase.summary)") }
        print("  HTML \(html.utf8.count) B, gzip \(compressed.count) B; web.css + web.js gzip \(assets.reduce(0, +)) B; transferred \(total) B")
    }

    static func nanoseconds(_ duration: Duration) -> UInt64 {
        UInt64(duration.components.seconds) * 1_000_000_000 + UInt64(duration.components.attoseconds / 1_000_000_000)
    }

    static func traces(_ frames: [TelemetryFrame]) -> LapTraces? {
        LapTraces.recorded(frames: frames, startTime: frames.first?.sessionTime ?? 0, lapTime: nil, trackLength: BenchmarkLap.trackLength)
    }
}
