import ArgumentParser
import Foundation

/// `trailbrake-bench ibt [--work W] FILE...`: MB/s and rows/s of reading .ibt files
/// (`scripts/bench-ibt.sh` runs it beside pyirsdk doing the same work).
struct IBTBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ibt",
        abstract: "Read the coaching channels (or every channel) of every row of .ibt files; print MB/s and rows/s.")

    @Argument(help: "The .ibt files to read.")
    var files: [String]

    @Option(help: "Reads of each file; the fastest counts.")
    var runs = 5

    @Option(help: "coaching (frames, no YAML), coaching-with-session-info (frames, YAML parsed at open) or all (every channel).")
    var work: IBTBenchmark.Work = .coaching

    mutating func run() throws {
        let results = try IBTBenchmark.run(files: files.map { URL(fileURLWithPath: $0) }, runs: runs, work: work)
        print(IBTBenchmark.report(results, work: work))
    }
}
