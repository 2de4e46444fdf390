import ArgumentParser

/// `trailbrake-load`: drives a Trailbrake server with simulated drivers over the real protocol.
@main
struct TrailbrakeLoad: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trailbrake-load",
        abstract: "Load and replay tool for the Trailbrake live coaching server.",
        subcommands: [RunCommand.self, StreamCommand.self])
}
