import ArgumentParser
import Foundation
import Storage

/// `trailbrake discord ...`: a driver's consent for Discord servers (guilds) to see them.
struct DiscordCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "discord", abstract: "Let Discord servers see a driver, or stop them.",
        subcommands: [LinkCode.self, Links.self, Unlink.self])

    /// Longest a link code may stay valid: it is meant to be typed in right away.
    static let maximumCodeLifetime = 86_400

    /// `trailbrake discord link-code --driver NAME`: prints a one-time code; entered in a Discord
    /// server with `/coach link code:CODE`, it lets that server see the driver's reports and
    /// follow their laps and cues.
    struct LinkCode: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "link-code", abstract: "Print a one-time code that lets one Discord server see a driver.")

        @Option(help: "Driver name.")
        var driver: String

        @Option(help: "How long the code works, e.g. 10m, 1h (at most 1d).")
        var expiresIn = LifetimeText(seconds: 600)

        @OptionGroup var options: ConfigurationOptions

        func validate() throws {
            guard (60...DiscordCommand.maximumCodeLifetime).contains(expiresIn.seconds) else {
                throw ValidationError("--expires-in must be between 1m and 1d")
            }
        }

        func run() async throws {
            let (database, driverID) = try await DiscordCommand.open(options, driver: driver)
            let code = try await DiscordLinkRepository(database: database).createCode(driverID: driverID, lifetime: expiresIn.duration)
            print(code.code)
            FileHandle.standardError.write(Data("""
                In the Discord server, enter: /coach link code:\(code.code)
                The code works once, until \(TokenTable.time(code.expiresAt)).

                """.utf8))
        }
    }

    /// `trailbrake discord links --driver NAME`: the servers that may see the driver.
    struct Links: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "List the Discord servers that may see a driver.")

        @Option(help: "Driver name.")
        var driver: String

        @OptionGroup var options: ConfigurationOptions

        func run() async throws {
            let (database, driverID) = try await DiscordCommand.open(options, driver: driver)
            let links = try await DiscordLinkRepository(database: database).links(driverID: driverID)
            guard !links.isEmpty else {
                print("no Discord server may see \(driver)")
                return
            }
            for link in links {
                print("guild \(link.guildID) | linked by user \(link.linkedByUserID) | since \(TokenTable.time(link.createdAt))")
            }
        }
    }

    /// `trailbrake discord unlink --driver NAME --guild ID`: withdraws one server's view (and its
    /// follows of the driver); the bot stops posting the driver there at its next batch.
    struct Unlink: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Stop a Discord server from seeing a driver.")

        @Option(help: "Driver name.")
        var driver: String

        @Option(help: "The Discord server (guild) id.")
        var guild: String

        @OptionGroup var options: ConfigurationOptions

        func validate() throws {
            guard let id = UInt64(guild), id > 0 else { throw ValidationError("--guild must be a Discord server id (a number)") }
        }

        func run() async throws {
            let (database, driverID) = try await DiscordCommand.open(options, driver: driver)
            let removed = try await DiscordLinkRepository(database: database).unlink(guildID: guild, driverID: driverID)
            print(removed ? "guild \(guild) can no longer see \(driver)" : "guild \(guild) could not see \(driver)")
        }
    }

    /// The database and the driver's id, or `error [driver_not_found]`.
    static func open(_ options: ConfigurationOptions, driver name: String) async throws -> (TrailbrakeDatabase, Int64) {
        let configuration = try options.load()
        let logger = LogSetup.bootstrap(configuration.log)
        let backend = try Backend.open(configuration, logger: logger)
        guard let driver = try await backend.admin.driver(named: name) else {
            throw commandFailure("driver_not_found", "no driver named \(name)")
        }
        return (backend.database, driver.id)
    }
}
