import ArgumentParser

/// `trailbrake-client`: streams a running sim's telemetry to a Trailbrake server.
@main
struct TrailbrakeClientCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trailbrake-client",
        abstract: "Streams a running sim's live telemetry to a Trailbrake server and shows (and plays) its coaching cues.",
        subcommands: [])
}
