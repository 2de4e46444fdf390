import Foundation
import Storage
import Testing

@testable import Discord

/// The restart both keyed DM kinds (plan DMs, broadcasts) must survive: on a file database,
/// `queue` makes three DMs (Ana's first) while Discord is stalled; Discord then takes Ana's DM
/// and its answer is lost, and the bot stops. After the restart the queue drains: Ana's DM is
/// sent again with its nonce (Discord keeps the first) and the other two go out, so each of the
/// three has exactly one DM. `check` then looks at the restarted bot.
enum TeamRestartScenario {
    static func run(
        setUp: @Sendable (LeagueHarness) async throws -> Void, queue: @Sendable (LeagueHarness) async throws -> Void,
        check: @Sendable (LeagueHarness) async throws -> Void = { _ in }
    ) async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("trailbrake-team-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let database = try TrailbrakeDatabase(path: directory.appendingPathComponent("trailbrake.sqlite").path)
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                let anaPosts = "channels/dm\(TeamPeople.ana)/messages"
                try await LeagueHarness.with(fake, iracing: iracing, database: database, team: TeamConfiguration()) { team in
                    try await setUp(team)
                    await fake.rest.setStalled(true)
                    try await queue(team)
                    try await eventually("ana's DM on its way") { await !fake.rest.requests(matching: "POST", anaPosts).isEmpty }
                    // Discord takes the message, and its answer is lost.
                    await fake.rest.setAnswersHang(true)
                    await fake.rest.setStalled(false)
                    try await eventually("ana's DM posted") { await team.directMessages(to: TeamPeople.ana).count == 1 }
                    let others = await team.directMessages(to: TeamPeople.ben) + team.directMessages(to: TeamPeople.cem)
                    #expect(others.isEmpty)
                }
                await fake.rest.setAnswersHang(false)
                #expect(try await DiscordRepository(database: database).pendingDirectMessages().count == 3, "nothing was confirmed")
                try await LeagueHarness.with(fake, iracing: iracing, database: database, team: TeamConfiguration()) { team in
                    try await eventually("the queue drained") { (try? await team.bot.repository.pendingDirectMessages().isEmpty) == true }
                    for user in [TeamPeople.ana, TeamPeople.ben, TeamPeople.cem] {
                        #expect(await team.directMessages(to: user).count == 1, "\(user)")
                    }
                    #expect(await fake.rest.requests(matching: "POST", anaPosts).count == 2, "ana's DM was sent again and kept once")
                    try await check(team)
                }
            }
        }
    }
}
