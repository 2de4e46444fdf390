import ArgumentParser

/// Benchmarks that prove the budgets in docs/performance.md. Kept out of `swift test`: run them
/// on a release build with `scripts/bench.sh` (or `swift run -c release trailbrake-bench ...`).
@main
struct TrailbrakeBench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trailbrake-bench",
        abstract: "Measure the live coaching path, lap storage, voice cues, the .ibt reader, the lap page and the endurance planner.",
        subcommands: [
            CoachingBenchmarkCommand.self, StorageBenchmarkCommand.self, VoiceBenchmarkCommand.self,
            IBTBenchmarkCommand.self, MemoryBenchmarkCommand.self, WebPageBenchmarkCommand.self,
            PlannerBenchmarkCommand.self, EchoFloorServerCommand.self,
        ]
    )
}
