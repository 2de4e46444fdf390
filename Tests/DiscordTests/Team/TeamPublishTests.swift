import Foundation
import Storage
import Testing

@testable import Discord
@testable import IRacingFake

/// Publishing end to end: three drivers in three zones and two languages sign up and mark their
/// hours through the fake gateway, an admin plans and publishes, and each driver gets one DM
/// with their stints in their own language and time zone, also across a restart mid-publish.
@Suite(.needsLeagueData, .serialized, .timeLimit(.minutes(3)))
struct TeamPublishTests {
    typealias I = LeagueInteraction

    /// Ana (Turkish, Istanbul), Ben (English, New York), Cem (the guild's English, UTC) signed up,
    /// each free for the whole race on their own clock.
    private func signUpThree(_ team: LeagueHarness) async throws {
        try await team.mapMemberRole()
        _ = try await team.send(.createEvent())
        for (user, member, zone, language) in [
            (TeamPeople.ana, TeamPeople.anaID, "Europe/Istanbul", "tr"), (TeamPeople.ben, TeamPeople.benID, "America/New_York", "en"),
            (TeamPeople.cem, TeamPeople.cemID, "UTC", nil),
        ] {
            let reply = try await team.send(.signup(user, member: member, zone: zone, language: language))
            #expect(reply.content.contains(member == TeamPeople.anaID ? "kaydoldunuz" : "You are signed up"), "\(reply.content)")
        }
        // 14:00-19:00 in Istanbul, 07:00-11:00 in New York, 11:00-16:00 UTC: all hold 12:00-15:00 UTC.
        let ana = try await team.send(.available(TeamPeople.ana, day: "2030-06-15", hour: 14, hours: 5))
        #expect(ana.content.hasPrefix("İşaretlendi:") && ana.content.contains("14:00 ile 19:00 arası (Europe/Istanbul)"), "\(ana.content)")
        _ = try await team.send(.available(TeamPeople.ben, day: "2030-06-15", hour: 7, hours: 4))
        _ = try await team.send(.available(TeamPeople.cem, day: "2030-06-15", hour: 11, hours: 5))
        let bad = try await team.send(.available(TeamPeople.cem, day: "2030-02-30", hour: 11, hours: 5))
        #expect(bad.content.hasPrefix("That is not a time on the calendar"), "\(bad.content)")
    }

    private static func adminCommand(_ sub: String) -> LeagueInteraction {
        I.team(sub, [I.integer("event", 1)], by: TeamPeople.admin, roles: [], admin: true)
    }

    @Test func aPublishedPlanReachesEachDriverByDMOnceInTheirLanguageAndZone() async throws {
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: TeamConfiguration()) { team in
                    try await signUpThree(team)
                    let notYet = try await team.send(Self.adminCommand("publish"))
                    #expect(notYet.content == "There is no proposed plan for event 1: run /event plan first.")
                    let plan = try await team.send(Self.adminCommand("plan"))
                    #expect(plan.content.hasPrefix("Proposed plan for Le Mans 24 (3 stints)."), "\(plan.content)")
                    #expect(plan.content.contains("`Sat 15 Jun 12:00–13:00` Car 1 #1: <@\(TeamPeople.ana)>"), "\(plan.content)")
                    let published = try await team.send(Self.adminCommand("publish"))
                    #expect(published.content == "Plan version 1 of Le Mans 24 published; 3 driver(s) get their stints by DM.")

                    try await eventually("three DMs") {
                        var count = 0
                        for user in [TeamPeople.ana, TeamPeople.ben, TeamPeople.cem] { count += await team.directMessages(to: user).count }
                        return count == 3
                    }
                    let ana = await team.directMessages(to: TeamPeople.ana)
                    #expect(ana.count == 1)
                    let anaLines = ana.first?.components(separatedBy: "\n") ?? []
                    #expect(anaLines.first == "**Trailbrake · Le Mans 24** (Sarthe), plan s1")
                    #expect(anaLines.dropFirst().first == "Stintleriniz, saatler Europe/Istanbul diliminde:")
                    // Ana drives stint 1, spots the other two and captains the car (the planner's choices: docs/team.md).
                    #expect(Array(anaLines.dropFirst(2)) == [
                        "• Car 1, 1. stint: 15 Haz Cmt 15:00 – 16:00", "• gözcülük: Car 1, 2. stint: 15 Haz Cmt 16:00 – 17:00",
                        "• gözcülük: Car 1, 3. stint: 15 Haz Cmt 17:00 – 18:00", "• Car 1 aracının kaptanı",
                    ])
                    let ben = await team.directMessages(to: TeamPeople.ben)
                    #expect(ben.count == 1 && ben[0].hasPrefix(
                        "**Trailbrake · Le Mans 24** (Sarthe), plan v1\nYour stints, times in America/New_York:\n• Car 1, stint 2: Sat 15 Jun 09:00 – 10:00"),
                        "\(ben)")
                    let cem = await team.directMessages(to: TeamPeople.cem)
                    #expect(cem.count == 1 && cem[0].hasPrefix(
                        "**Trailbrake · Le Mans 24** (Sarthe), plan v1\nYour stints, times in UTC:\n• Car 1, stint 3: Sat 15 Jun 14:00 – 15:00"),
                        "\(cem)")
                    // Discord has the third DM a moment before the queue records it as sent.
                    try await eventually("the queue drained") { (try? await team.bot.repository.pendingDirectMessages().isEmpty) == true }

                    // Everyone reads the table in their own zone.
                    let shown = try await team.send(I.team("show", [I.integer("event", 1)], by: TeamPeople.ben))
                    #expect(shown.content.hasPrefix("**Le Mans 24**, plan v1, times in America/New_York · page 1 of 1"), "\(shown.content)")
                    #expect(shown.content.contains("`Sat 15 Jun 08:00–09:00` Car 1 #1: <@\(TeamPeople.ana)>"), "\(shown.content)")
                    let log = try #require(try await team.team?.repository.auditLog(guildID: LeagueHarness.guild, limit: 50))
                    #expect(log.filter { $0.action == .planPublish }.map(\.after) == ["1"])
                }
            }
        }
    }

    /// The DM of the first driver is posted but its answer never comes back, and the bot stops:
    /// after the restart it is sent again with the same nonce (Discord keeps the first) and the
    /// other two, never sent, go out: one DM each.
    @Test func aRestartInTheMiddleOfThePublishSendsNobodyTwiceAndSkipsNobody() async throws {
        try await TeamRestartScenario.run(
            setUp: { team in
                try await signUpThree(team)
                _ = try await team.send(Self.adminCommand("plan"))
            },
            queue: { team in
                let published = try await team.send(Self.adminCommand("publish"))
                #expect(published.content.hasSuffix("3 driver(s) get their stints by DM."))
            })
    }
}
