import ArgumentParser
import CoachServer
import Logging

/// `trailbrake token ...`: driver tokens.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage driver tokens.", subcommands: [Create.self])

    /// `trailbrake token create --driver NAME`: prints a new token, alone, on stdout (for scripts).
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token for a driver (the driver is created when new).")

        @Option(help: "Driver name.")
        var driver: String

        @OptionGroup var options: ConfigurationOptions

        func validate() throws {
            guard !driver.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--driver must not be empty") }
        }

        func run() async throws {
            let configuration = try options.load()
            let logger = LogSetup.bootstrap(level: configuration.log.level)
            let backend = try Backend.open(configuration, logger: logger)
            let target: AuthenticatedDriver
            if let existing = try await backend.admin.driver(named: driver) {
                target = existing
            } else {
                target = try await backend.admin.createDriver(name: driver)
            }
            print(try await backend.admin.createToken(driverID: target.id))
        }
    }
}
