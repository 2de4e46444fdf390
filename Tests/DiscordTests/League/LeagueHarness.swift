import Discord
import Foundation
import IRacing
import Logging
import ResultsPoller
import ServiceLifecycle
import Storage
import Synchronization
import Testing

@testable import IRacingFake

/// A bot with league numbers on a fake Discord and, when given a fake iRacing, the roster sync
/// service on the real iRacing client, run in one ServiceGroup as `serve` runs them.
struct LeagueHarness: Sendable {
    static let guild = RunningBot.guild
    static let otherGuild = "390926798626357111"
    static let channel = "700000000000000001"
    let bot: DiscordBot
    let fake: FakeDiscord
    let feature: LeagueFeature
    /// Team tools, when the test asked for them.
    let team: TeamFeature?
    let database: TrailbrakeDatabase
    let sync: LeagueSyncService?
    private let interactions = InteractionCounter()

    var repository: LeagueRepository { feature.repository }

    @discardableResult
    static func with<T: Sendable>(
        _ fake: FakeDiscord, iracing: FakeIRacingServer? = nil, configuration: LeagueConfiguration = LeagueConfiguration(),
        database: TrailbrakeDatabase? = nil, team: TeamConfiguration? = nil, teamClock: any TeamClock = SystemTeamClock(),
        _ body: @Sendable (LeagueHarness) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "league-test")
        logger.logLevel = .error
        let database = try database ?? TrailbrakeDatabase.inMemory()
        let feature = LeagueFeature(database: database, configuration: configuration)
        // Team tools, with the members' licences from the fake iRacing through the real client.
        let teamFeature = try team.map { configuration in
            TeamFeature(
                database: database, configuration: configuration, licences: try iracing.map { try TestClient($0).client }, clock: teamClock)
        }
        let bot = DiscordBot(
            configuration: fake.configuration(), token: DiscordToken(FakeDiscord.token), repository: DiscordRepository(database: database),
            league: feature, team: teamFeature, gatewayTiming: GatewayTiming(invalidSessionDelay: 0.01...0.05, initialBackoff: .milliseconds(50)),
            logger: logger)
        var services: [any Service] = [bot]
        var sync: LeagueSyncService?
        if let iracing {
            let client = try TestClient(iracing).client
            sync = LeagueSyncService(feature: feature, roster: client, announcer: bot, logger: logger)
            services.append(sync!)
        }
        let group = ServiceGroup(configuration: .init(services: services, logger: logger))
        let harness = LeagueHarness(bot: bot, fake: fake, feature: feature, team: teamFeature, database: database, sync: sync)
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { try await group.run() }
            let result: Result<T, any Error>
            do {
                try await eventually("commands registered") {
                    await !fake.rest.requests(matching: "PUT", "applications/100/guilds/\(Self.guild)/commands").isEmpty
                }
                result = .success(try await body(harness))
            } catch { result = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }

    /// A fresh interaction id.
    func interactionID() -> String {
        String(9_000_000 + interactions.next())
    }

    /// The league set up in `guild` as `/setup` would (range, league, channel), by an admin.
    func setUp(
        guild: String = LeagueHarness.guild, range: ClosedRange<Int> = 1...99, leagueID: Int? = nil,
        channel: String? = LeagueHarness.channel, language: GuildLanguage = .english, adminRole: String? = nil
    ) async throws {
        try await repository.setUp(
            guild: guild, range: range, leagueID: leagueID, channel: channel, language: language, adminRole: adminRole)
    }

    /// Messages posted in the announcement channel, as text.
    func announcements(in channel: String = LeagueHarness.channel) async -> [String] {
        await fake.rest.messages(in: channel).map { $0.payloadObject["content"] as? String ?? "" }
    }
}

extension LeagueRepository {
    /// What `/setup` stores, written directly (before a bot runs, or beside it).
    func setUp(
        guild: String = LeagueHarness.guild, range: ClosedRange<Int> = 1...99, leagueID: Int? = nil,
        channel: String? = LeagueHarness.channel, language: GuildLanguage = .english, adminRole: String? = nil
    ) async throws {
        var changes: [LeagueSettingChange] = [.range(range), .language(language)]
        if let leagueID { changes.append(.league(leagueID)) }
        if let channel { changes.append(.announceChannel(channel)) }
        if let adminRole { changes.append(.adminRole(adminRole)) }
        try await apply(changes, guildID: guild, actorID: LeagueUsers.admin, creatingWith: range)
    }
}

extension LeagueRepository {
    /// `user` holds `number` as their own claim, for arranging a test.
    func hold(_ number: String, by user: String, in guild: String = LeagueHarness.guild) async throws {
        guard let carNumber = CarNumber(number) else { throw TestFailure("not a number: \(number)") }
        _ = try await claim(carNumber, guildID: guild, userID: user, userName: nil, maxPerMember: nil, actorID: user)
    }
}

/// Numbers the test's interactions, so each has its own id and token.
final class InteractionCounter: Sendable {
    private let value = Mutex(0)
    func next() -> Int { value.withLock { $0 += 1; return $0 } }
}

/// Discord users of the league tests (snowflakes).
enum LeagueUsers {
    static let admin = "80351110224678912"
    static let ana = "80351110224678913"
    static let ben = "80351110224678914"
    static let cem = "80351110224678915"
    static let adminRole = "41771983423143936"
}

/// Fake iRacing members and the league of the sync tests.
enum LeagueMembers {
    static let league = 7_058
    static let ana = 910_001
    static let ben = 910_002
    static let cem = 910_003
}

extension Trait where Self == ConditionTrait {
    /// The league suites need the real Discord payloads and the real iRacing roster.
    static var needsLeagueData: ConditionTrait {
        .enabled(if: DiscordFixtures.available && FakeFixtures.load() != nil, "needs ../shared/data/discord and iracing-api")
    }
}

/// Runs `body` against a fake iRacing whose league rosters are `rosters`.
func withLeagueIRacing<T: Sendable>(
    rosters: [Int: [FakeWorld.RosterMember]], _ body: @Sendable (FakeIRacingServer) async throws -> T
) async throws -> T {
    guard let fixtures = FakeFixtures.load() else { throw TestFailure("shared iRacing data missing") }
    return try await FakeIRacingServer.with(world: FakeWorld(fixtures: fixtures, leagueRosters: rosters), body)
}
