import Foundation
import Storage
import Testing

@testable import Discord
@testable import IRacingFake

/// Broadcasts end to end: to an event's drivers (one of whom closed their DMs: the fake answers
/// 50007 for him, and the status lists him back to the admin), to a team role, within the
/// configured length and daily count, and across a restart in the middle: nobody twice, nobody skipped.
@Suite(.needsLeagueData, .serialized, .timeLimit(.minutes(3)))
struct TeamBroadcastTests {
    typealias I = LeagueInteraction
    typealias S = TeamScenario

    @Test func aBroadcastReachesEachDriverOnceAndClosedDMsAreListedBack() async throws {
        let configuration = TeamConfiguration(maxBroadcastLength: 20, maxBroadcastsPerDay: 2)
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: configuration) { team in
                    try await S.signUp(team)
                    await fake.rest.setBlockedRecipients([TeamPeople.cem])
                    let tooLong = try await team.send(S.admin("broadcast", [I.integer("event", 1), I.option("message", String(repeating: "x", count: 21))]))
                    #expect(tooLong.content == "Write a message of 1 to 20 characters.")
                    let message = "Briefing at 18:00 ok"
                    #expect(message.count == 20)
                    let sent = try await team.send(S.admin("broadcast", [I.integer("event", 1), I.option("message", message)]))
                    #expect(sent.content.hasPrefix("Broadcast 1 queued for 3 member(s) of the drivers of Le Mans 24."), "\(sent.content)")
                    try await eventually("the queue drained") { (try? await team.bot.repository.pendingDirectMessages().isEmpty) == true }
                    // Ana chose Turkish at sign-up: her header is Turkish, the admin's text as written.
                    #expect(await team.directMessages(to: TeamPeople.ana) == ["**Takım mesajı**, gönderen <@\(TeamPeople.admin)>:\n\(message)"])
                    #expect(await team.directMessages(to: TeamPeople.ben) == ["**Team message** from <@\(TeamPeople.admin)>:\n\(message)"])
                    #expect(await team.directMessages(to: TeamPeople.cem).isEmpty)
                    let status = try await team.send(S.admin("broadcast-status", [I.integer("broadcast", 1)], command: "team"))
                    #expect(status.content == """
                        Broadcast 1 to the drivers of Le Mans 24: 2 delivered, 0 waiting, 1 with closed DMs.
                        Closed DMs (not delivered): <@\(TeamPeople.cem)>
                        """)
                    // The owner (Manage Server) and the three members were seen; admins and above: the owner only.
                    let admins = try await team.send(S.admin("broadcast", [I.option("message", "Admins only"), I.option("role", "admin")], command: "team"))
                    #expect(admins.content.hasPrefix("Broadcast 2 queued for 1 member(s) of the team members with the admin role or above."), "\(admins.content)")
                    let third = try await team.send(S.admin("broadcast", [I.integer("event", 1), I.option("message", "Once more")]))
                    #expect(third.content == "That would pass a limit of this server (broadcasts_per_day).")
                    let unknown = try await team.send(S.admin("broadcast-status", [I.integer("broadcast", 3)], command: "team"))
                    #expect(unknown.content == "There is no broadcast 3 here.")
                    let byMember = try await team.send(I.team("broadcast", [I.integer("event", 1), I.option("message", "hi")], by: TeamPeople.ben))
                    #expect(byMember.content.hasPrefix("/event broadcast is for team members with the admin role"))
                    let log = try #require(try await team.team?.repository.auditLog(guildID: LeagueHarness.guild, limit: 50))
                    #expect(log.filter { $0.action == .broadcast }.map(\.after) == ["3", "1"])
                    #expect(await fake.rest.peakArrivalsPerWindow <= 50, "within the fake's bucket")
                }
            }
        }
    }

    /// The first DM is posted but its answer is lost and the bot stops: after the restart it is
    /// sent again with its nonce (Discord keeps the first) and the two never sent go out.
    @Test func aRestartInTheMiddleOfABroadcastSendsNobodyTwiceAndSkipsNobody() async throws {
        try await TeamRestartScenario.run(
            setUp: { team in try await S.signUp(team) },
            queue: { team in
                let sent = try await team.send(S.admin("broadcast", [I.integer("event", 1), I.option("message", "Pit wall at 11")]))
                #expect(sent.content.hasPrefix("Broadcast 1 queued for 3 member(s)"), "\(sent.content)")
            },
            check: { team in
                for user in [TeamPeople.ben, TeamPeople.cem] {
                    #expect(await team.directMessages(to: user) == ["**Team message** from <@\(TeamPeople.admin)>:\nPit wall at 11"], "\(user)")
                }
                let status = try #require(try await team.team?.repository.broadcastStatus(guildID: LeagueHarness.guild, broadcastID: 1))
                #expect((status.delivered, status.waiting, status.closed) == (3, 0, []))
            })
    }
}
