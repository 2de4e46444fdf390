import ArgumentParser
import Foundation

/// `trailbrake-bench ibt FILE...`: MB/s and rows/s of reading the coaching channels from .ibt
/// files (`scripts/bench-ibt.sh` runs it beside pyirsdk doing the same work).
struct IBTBenchmarkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "ibt",
        abstract: "Read the coaching channels of every row of .ibt files; print MB/s and rows/s.")

    @Argument(help: "The .ibt files to read.")
    var files: [String]

    @Option(help: "Reads of each file; the fastest counts.")
    var runs = 5

    mutating func run() throws {
        let results = try IBTBenchmark.run(files: files.map { URL(fileURLWithPath: $0) }, runs: runs)
        print(IBTBenchmark.report(results))
    }
}
