import ArgumentParser
import CoachServer
import Foundation
import ServerSettings

/// `trailbrake config check [FILE]`: validates a configuration exactly as `serve` would load it
/// and prints every setting in force with its source; secrets are only said to be set or not.
struct ConfigCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "Check a configuration.", subcommands: [Check.self])

    struct Check: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a configuration and print the effective settings with their source (default, file, environment, flag).")

        @Argument(help: "TOML configuration file (the same as --config).")
        var file: String?

        @OptionGroup var options: ConfigurationOptions
        @OptionGroup var listen: ListenOptions

        func validate() throws {
            if file != nil, options.config != nil { throw ValidationError("give the file either as an argument or with --config") }
        }

        func run() async throws {
            var options = options
            if let file { options.config = file }
            let environment = ProcessInfo.processInfo.environment
            var flags: Set<String> = options.dataDirectory == nil ? [] : ["server.data_dir"]
            let loaded: (ServerConfiguration, [String: [String: ConfigurationValue]])
            do {
                let fileValues = try options.config.map(ConfigurationFile.read) ?? [:]
                loaded = (try options.load { flags.formUnion(try listen.apply(to: &$0)) }, fileValues)
            } catch let error as ConfigurationError {
                throw commandFailure("invalid_configuration", error.description)
            }
            let (configuration, fileValues) = loaded
            print("configuration \(options.config ?? "(built-in defaults)"): valid")
            let settings = ServerConfiguration.effectiveSettings(
                of: configuration, file: fileValues, environment: environment, flags: flags)
            let width = settings.map { $0.key.count + $0.value.count }.max() ?? 0
            for setting in settings {
                let text = "\(setting.key) = \(setting.value)"
                print(text + String(repeating: " ", count: max(1, width + 4 - text.count)) + "# \(setting.source.rawValue)")
            }
            print("secrets (never printed):")
            for line in ConfigurationReview.secretLines(configuration, environment: environment) { print("  " + line) }
            let warnings = ConfigurationReview.warnings(configuration)
            if !warnings.isEmpty {
                print("warnings:")
                for warning in warnings { print("  " + warning) }
            }
        }
    }
}
