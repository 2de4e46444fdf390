import ArgumentParser
import CoachServer
import Logging

/// `trailbrake token ...`: driver tokens.
struct TokenCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token", abstract: "Manage driver tokens.", subcommands: [Create.self])

    /// `trailbrake token create --driver NAME`: prints a new token, alone, on stdout (for scripts).
    /// With `--count N` it makes drivers `NAME-1` ... `NAME-N` and prints one token per line (the
    /// load tool reads such a file: one driver, one token).
    struct Create: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a token for a driver (the driver is created when new).")

        @Option(help: "Driver name.")
        var driver: String

        @Option(help: "Make this many drivers, NAME-1 ... NAME-N, one token each, one per line.")
        var count: Int = 1

        @OptionGroup var options: ConfigurationOptions

        func validate() throws {
            guard !driver.trimmingCharacters(in: .whitespaces).isEmpty else { throw ValidationError("--driver must not be empty") }
            guard (1...100_000).contains(count) else { throw ValidationError("--count must be 1...100000") }
        }

        func run() async throws {
            let configuration = try options.load()
            let logger = LogSetup.bootstrap(level: configuration.log.level)
            let backend = try Backend.open(configuration, logger: logger)
            let names = count == 1 ? [driver] : (1...count).map { "\(driver)-\($0)" }
            for name in names {
                let target: AuthenticatedDriver
                if let existing = try await backend.admin.driver(named: name) {
                    target = existing
                } else {
                    target = try await backend.admin.createDriver(name: name)
                }
                print(try await backend.admin.createToken(driverID: target.id))
            }
        }
    }
}
