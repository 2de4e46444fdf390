import ArgumentParser

/// `trailbrake-client`: streams a running sim's telemetry to a Trailbrake server.
///
/// One subcommand per source, each in its own file, all sharing `ClientOptions`. The console
/// sims (`gt7`, `ac`, `forza`) register here too.
@main
struct TrailbrakeClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trailbrake-client",
        abstract: "Streams a running sim's live telemetry to a Trailbrake server and shows (and plays) its coaching cues.",
        discussion: "Every option can also be set in a TOML file given with --config (docs/client.md).",
        subcommands: [
            IRacingCommand.self,
            JSONLinesCommand.self,
            GT7Command.self,
            AssettoCorsaCommand.self,
            ForzaCommand.self,
        ])
}
