import ArgumentParser
import Storage

/// `trailbrake-bench storage`: the time to store a completed 5,000-frame lap (budget: p99 < 5 ms).
struct StorageBenchmarkCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "storage",
        abstract: "Time to encode and commit completed laps (5,000 frames each) into SQLite.")

    @Option(help: "Laps stored back to back per run.")
    var laps = 200

    @Option(help: "Runs, each into a fresh database.")
    var runs = 3

    @Flag(help: "Let SQLite checkpoint inside commits (the policy the default is measured against).")
    var checkpointInCommit = false

    @Flag(help: "Hand the lap over packed in 60-frame chunks, as a live session does (stored as its chunks).")
    var packed = false

    mutating func run() async throws {
        let policy: CheckpointPolicy = checkpointInCommit ? .automaticInCommit : .default
        print(try await runStorageBenchmark(laps: laps, runs: runs, checkpointPolicy: policy, packed: packed))
    }
}
