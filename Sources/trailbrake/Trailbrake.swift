import ArgumentParser

/// The `trailbrake` command: the server and its administration tools.
@main
struct Trailbrake: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trailbrake",
        abstract: "Real-time coaching server for sim racers.",
        subcommands: [ServeCommand.self, TokenCommand.self, ReferenceCommand.self, DiscordCommand.self, LoginLinkCommand.self]
            // Operations (docs/operations.md).
            + [ConfigCommand.self, BackupCommand.self, RestoreCommand.self]
    )
}
