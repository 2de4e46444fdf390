import Foundation
import TestSupport
import Testing

/// The built `trailbrake` binary on a real .ibt file: what a user types and reads. Skipped when
/// the executable is not built (core-scope builds) or the shared data is absent.
@Suite(.enabled(if: TrailbrakeExecutable.url != nil && Manifest.telemetryDirectory != nil, "skipped: trailbrake not built or shared/data absent"))
struct CommandEndToEndTests {

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    func trailbrake(_ arguments: [String]) throws -> Run {
        let process = Process()
        let executable: URL = try #require(TrailbrakeExecutable.url)
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("TRAILBRAKE_") }
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile(), stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: String(decoding: stderr, as: UTF8.self))
    }

    /// (lap, seconds) from `... | lap 174 | 15.187 s ...` lines.
    func lapTimes(_ lines: [String]) -> [(Int, Double)] {
        lines.compactMap { line in
            let fields = line.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            guard fields.count >= 4, fields[2].hasPrefix("lap "), let lap = Int(fields[2].dropFirst(4)),
                fields[3].hasSuffix(" s"), let time = Double(fields[3].dropLast(2)) else { return nil }
            return (lap, time)
        }
    }

    var ibt: String { (Manifest.telemetryDirectory ?? URL(fileURLWithPath: "/")).appendingPathComponent(Manifest.earlyLangley).path }

    @Test func importPrintsTheLapsIRacingTimedWithinFiveMilliseconds() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("refcmd-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let run = try trailbrake(["reference", "import", ibt, "--out", directory.path])
        #expect(run.status == 0, "\(run.stderr)")
        let oracle = try Manifest.entry(Manifest.earlyLangley).laps.filter(\.complete)
        let printed = lapTimes(run.lines)
        #expect(printed.map(\.0) == oracle.map(\.lap))
        for ((lap, time), expected) in zip(printed, oracle) {
            #expect(abs(time - (try #require(expected.lapLastLapTimeReported_s))) <= Manifest.lapTimeTolerance, "lap \(lap)")
        }
        #expect(run.lines.allSatisfy { $0.hasPrefix("Langley Speedway | Modified - SK | lap ") })

        let listed = try trailbrake(["reference", "list", directory.path])
        #expect(listed.status == 0)
        #expect(listed.lines.count == 1 + oracle.count, "a header and one line per reference")
        #expect(listed.lines.dropFirst().allSatisfy { $0.contains("| iracing | Langley Speedway |") && $0.contains("ibt:\(Manifest.earlyLangley)#") })

        let name = try #require(listed.lines.last?.split(separator: "|").first?.trimmingCharacters(in: .whitespaces))
        let shown = try trailbrake(["reference", "show", directory.appendingPathComponent(name).path])
        #expect(shown.status == 0, "\(shown.stderr)")
        #expect(shown.lines.contains("car: Modified - SK"))
        #expect(shown.lines.contains { $0.hasPrefix("corners: ") })

        let exported = try trailbrake(["reference", "export", directory.appendingPathComponent(name).path, "--format", "csv"])
        #expect(exported.lines.first == "distance_m,time_s,speed_mps,throttle,brake,steering_rad,gear")
        #expect(exported.lines.count > 500, "one row per metre of a 576 m lap")
    }

    @Test func lapsListsEveryLapWithItsStatus() throws {
        let run = try trailbrake(["reference", "laps", ibt])
        #expect(run.status == 0)
        #expect(run.lines.map { $0.split(separator: "|").last?.trimmingCharacters(in: .whitespaces) ?? "" }
            == ["out-lap", "valid", "valid", "incomplete"])
        #expect(run.lines.first == "Langley Speedway | Modified - SK | lap 173 | -- | out-lap")
    }

    @Test func unknownLapsAndFilesFailWithAStableCode() throws {
        let missingLap = try trailbrake(["reference", "import", ibt, "--lap", "999", "--out", FileManager.default.temporaryDirectory.path])
        #expect(missingLap.status != 0)
        #expect(missingLap.stderr.contains("error [lap_not_found]: there is no lap 999; the file has laps 173, 174, 175, 176"))
        let missingFile = try trailbrake(["reference", "laps", "/nonexistent/file.ibt"])
        #expect(missingFile.status != 0)
        #expect(missingFile.stderr.contains("error [file_not_found]"))
        let missingReference = try trailbrake(["reference", "show", "no-such-reference"])
        #expect(missingReference.stderr.contains("error [reference_not_found]"))
    }
}

/// The `trailbrake` executable SwiftPM built beside the test bundle, else the package's debug build.
enum TrailbrakeExecutable {
    static var url: URL? {
        var candidates: [URL] = []
        if let first = ProcessInfo.processInfo.arguments.first {
            candidates.append(URL(fileURLWithPath: first).deletingLastPathComponent().appendingPathComponent("trailbrake"))
        }
        candidates.append(TestData.packageRoot.appendingPathComponent(".build/debug/trailbrake"))
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }
}
