import ArgumentParser

/// `trailbrake reference ...`: tools for reference laps and their track maps.
struct ReferenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "Make and inspect reference laps.",
        subcommands: [
            ReferenceImportCommand.self, ReferenceLapsCommand.self, ReferenceListCommand.self, ReferenceShowCommand.self,
            ReferenceExportCommand.self, ReferenceSynthesizeCommand.self,
        ]
    )
}
