import ArgumentParser
import CoachServer
import Foundation
import ServerSettings

/// Flags shared by every command that reads the configuration. They override the file and the
/// environment (`TRAILBRAKE_<SECTION>_<KEY>`).
struct ConfigurationOptions: ParsableArguments {
    @Option(name: .long, help: "TOML configuration file (default: built-in defaults).")
    var config: String?

    @Option(name: .customLong("data-dir"), help: "Directory for the database (server.data_dir).")
    var dataDirectory: String?

    /// Defaults, then the file, then the environment, then these flags.
    func load(applying extra: (inout ServerConfiguration) throws -> Void = { _ in }) throws -> ServerConfiguration {
        let file = try config.map(ConfigurationFile.read) ?? [:]
        var configuration = try ServerConfiguration.load(file: file, environment: ProcessInfo.processInfo.environment)
        if let dataDirectory { configuration.server.dataDirectory = dataDirectory }
        try extra(&configuration)
        return configuration
    }
}
