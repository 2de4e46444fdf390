import Discord
import Foundation
import Integration
import Logging
import ServiceLifecycle
import Storage

/// A `DiscordBot` connected to a fake Discord, run in a ServiceGroup for the body's duration.
struct RunningBot: Sendable {
    static let guild = "290926798626357999"
    let bot: DiscordBot
    let fake: FakeDiscord
    let database: TrailbrakeDatabase
    let repository: DiscordRepository
    let tracked: InMemoryTrackedDrivers

    @discardableResult
    static func with<T: Sendable>(
        _ fake: FakeDiscord, database: TrailbrakeDatabase? = nil, results: [RaceResultPost] = [],
        reports: [String: CoachingReport] = [:], sessionReports: (any SessionReportTextSource)? = nil, logHandler: (@Sendable (String) -> LogHandler)? = nil,
        configure: (inout DiscordConfiguration) -> Void = { _ in },
        _ body: @Sendable (RunningBot) async throws -> T
    ) async throws -> T {
        var configuration = fake.configuration()
        configure(&configuration)
        var logger = logHandler.map { Logger(label: "discord-test", factory: $0) } ?? Logger(label: "discord-test")
        logger.logLevel = logHandler == nil ? .error : .trace
        let database = try database ?? TrailbrakeDatabase.inMemory()
        let repository = DiscordRepository(database: database)
        let tracked = InMemoryTrackedDrivers()
        let bot = DiscordBot(
            configuration: configuration, token: DiscordToken(FakeDiscord.token), repository: repository,
            trackedDrivers: tracked, results: InMemoryResults(posts: results), reports: FixedReports(reports: reports), sessionReports: sessionReports,
            gatewayTiming: GatewayTiming(invalidSessionDelay: 0.01...0.05, initialBackoff: .milliseconds(50)), logger: logger)
        let group = ServiceGroup(configuration: .init(services: [bot], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { try await group.run() }
            let running = RunningBot(bot: bot, fake: fake, database: database, repository: repository, tracked: tracked)
            let result: Result<T, any Error>
            do { result = .success(try await body(running)) } catch { result = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }

    /// Waits for the bot to be connected and its commands registered in the fake's guild.
    func waitUntilReady() async throws {
        try await eventually("commands registered") {
            await !fake.rest.requests(matching: "PUT", "applications/100/guilds/\(Self.guild)/commands").isEmpty
        }
    }
}

extension RunningBot {
    /// The driver `name` (created when missing) opts in to `guild`, as `trailbrake discord
    /// link-code` then `/coach link` would do; returns the code that was used.
    @discardableResult
    func link(_ name: String, guild: String = RunningBot.guild, userID: String = "53908232506183680") async throws -> String {
        let drivers = DriverRepository(database: database)
        let driver: Driver
        if let existing = try await drivers.driver(named: name) { driver = existing } else { driver = try await drivers.createDriver(name: name) }
        let code = try await repository.links.createCode(driverID: driver.id, lifetime: .seconds(600))
        guard try await repository.links.redeem(code: code.code, guildID: guild, userID: userID) != nil else {
            throw TestFailure("a fresh code did not link")
        }
        return code.code
    }
}
