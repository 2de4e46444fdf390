import Foundation
import Storage
import Testing

@testable import Discord
@testable import IRacingFake

/// Broadcasts and role checks from the event page, end to end: the real server and store, the
/// bot's DM queue and the fake Discord, whose guild member endpoint says which Discord roles a
/// member holds now. The admin's role comes from that record by the bot's rule.
@Suite(.needsLeagueData, .serialized, .timeLimit(.minutes(3)))
struct TeamWebBroadcastTests {
    typealias I = LeagueInteraction
    typealias S = TeamScenario

    /// Maps the admin role (as `/team roles` does) and tells the fake Discord who holds which role.
    private func setUpRoles(_ team: LeagueHarness) async throws {
        let mapped = try await team.send(.team("roles", [
            I.option("role", TeamPeople.adminRole, type: 8), I.option("level", "admin"),
        ], by: TeamPeople.admin, roles: [], admin: true, command: "team"))
        #expect(mapped.content.contains("now gives the team role admin"), "\(mapped.content)")
        await team.fake.rest.setMember(TeamPeople.admin, roles: [TeamPeople.adminRole])
        await team.fake.rest.setMember(TeamPeople.ben, roles: [TeamPeople.memberRole])
    }

    @Test func anAdminBroadcastsFromThePageAndEachDriverGetsOneDM() async throws {
        let configuration = TeamConfiguration(maxBroadcastLength: 40)
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: configuration) { team in
                    try await S.signUp(team)
                    try await setUpRoles(team)
                    await fake.rest.setBlockedRecipients([TeamPeople.cem])
                    try await TeamWebServer.with(team) { web in
                        let page = "/events/\(LeagueHarness.guild)/1"
                        let boss = try await web.signIn(driver: "boss", discordUser: TeamPeople.admin)
                        let ben = try await web.signIn(driver: "ben", discordUser: TeamPeople.ben)
                        let adminPage = try await web.request(.get, page, cookie: boss.cookie)
                        #expect(adminPage.status == 200 && adminPage.body.contains(#"id="broadcast""#), "\(adminPage.body)")
                        #expect(adminPage.body.contains(#"<option value="car:car1">The crew of Car 1</option>"#), "\(adminPage.body)")
                        let bensPage = try await web.request(.get, page, cookie: ben.cookie)
                        #expect(bensPage.status == 200 && !bensPage.body.contains(#"id="broadcast""#))

                        let post = page + "/broadcast"
                        let message = "Briefing at 18:00 in the voice channel"
                        let form = "to=drivers&message=\(TeamWebServer.encoded(message))"
                        // A member (by his Discord roles) is refused like a page that does not exist.
                        #expect(try await web.request(.post, post, cookie: ben.cookie, form: "csrf=\(ben.csrf)&\(form)").status == 404)
                        // No token, or another site's origin: refused, nothing queued.
                        #expect(try await web.request(.post, post, cookie: boss.cookie, form: form).status == 403)
                        let crossSite = try await web.request(
                            .post, post, cookie: boss.cookie, form: "csrf=\(boss.csrf)&\(form)", origin: "https://evil.example")
                        #expect(crossSite.status == 403)
                        let tooLong = try await web.request(
                            .post, post, cookie: boss.cookie, form: "csrf=\(boss.csrf)&to=drivers&message=\(String(repeating: "x", count: 41))")
                        #expect(tooLong.status == 400 && tooLong.body.contains("1 to 40 characters"), "\(tooLong.body)")
                        #expect(try await team.team?.repository.recentBroadcasts(guildID: LeagueHarness.guild, limit: 5).isEmpty == true)

                        let sent = try await web.request(.post, post, cookie: boss.cookie, form: "csrf=\(boss.csrf)&\(form)")
                        #expect(sent.status == 200 && sent.body.contains("Broadcast 1 queued for 3 people."), "\(sent.body)")
                        try await eventually("the queue drained") { (try? await team.bot.repository.pendingDirectMessages().isEmpty) == true }
                        #expect(await team.directMessages(to: TeamPeople.ana) == ["**Takım mesajı**, gönderen <@\(TeamPeople.admin)>:\n\(message)"])
                        #expect(await team.directMessages(to: TeamPeople.ben) == ["**Team message** from <@\(TeamPeople.admin)>:\n\(message)"])
                        #expect(await team.directMessages(to: TeamPeople.cem).isEmpty)
                        // The admin sees who closed their DMs, by the name they signed up with.
                        let after = try await web.request(.get, page, cookie: boss.cookie)
                        #expect(after.body.contains("2 delivered, 0 waiting, 1 with closed DMs"), "\(after.body)")
                        #expect(after.body.contains("Closed DMs (not delivered): Cem Yılmaz"), "\(after.body)")
                        let log = try #require(try await team.team?.repository.auditLog(guildID: LeagueHarness.guild, limit: 50))
                        let entry = try #require(log.last { $0.action == .broadcast })
                        #expect(entry.actorID == TeamPeople.admin && entry.after == "3")
                        // One crew: the car's crew is every signed-up driver here.
                        let crew = try await web.request(.post, post, cookie: boss.cookie, form: "csrf=\(boss.csrf)&to=car:car1&message=Pit")
                        #expect(crew.status == 200 && crew.body.contains("Broadcast 2 queued for 3 people."), "\(crew.body)")
                        let noCar = try await web.request(.post, post, cookie: boss.cookie, form: "csrf=\(boss.csrf)&to=car:car9&message=Pit")
                        #expect(noCar.status == 409 && noCar.body.contains("Nobody is in that audience"), "\(noCar.body)")
                    }
                }
            }
        }
    }

    /// The issue's restart proof for a broadcast sent from the web: the first DM is posted, its
    /// answer lost and the bot stops; after the restart each driver has exactly one DM.
    @Test func aRestartInTheMiddleOfABroadcastFromThePageSendsNobodyTwiceAndSkipsNobody() async throws {
        try await TeamRestartScenario.run(
            setUp: { team in
                try await S.signUp(team)
                try await setUpRoles(team)
            },
            queue: { team in
                try await TeamWebServer.with(team) { web in
                    let boss = try await web.signIn(driver: "boss", discordUser: TeamPeople.admin)
                    let sent = try await web.request(
                        .post, "/events/\(LeagueHarness.guild)/1/broadcast", cookie: boss.cookie,
                        form: "csrf=\(boss.csrf)&to=drivers&message=Pit+wall+at+11")
                    #expect(sent.status == 200 && sent.body.contains("Broadcast 1 queued for 3 people."), "\(sent.body)")
                }
            },
            check: { team in
                for user in [TeamPeople.ben, TeamPeople.cem] {
                    #expect(await team.directMessages(to: user) == ["**Team message** from <@\(TeamPeople.admin)>:\nPit wall at 11"], "\(user)")
                }
                let status = try #require(try await team.team?.repository.broadcastStatus(guildID: LeagueHarness.guild, broadcastID: 1))
                #expect((status.delivered, status.waiting, status.closed) == (3, 0, []))
            })
    }

    /// Roles on the web follow Discord: a form asks Discord at once, a page within `web_role_seconds`.
    @Test func aRoleRemovedInDiscordTakesEffectOnTheWeb() async throws {
        let clock = SettableTeamClock()
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: TeamConfiguration(webRoleSeconds: 30), teamClock: clock) { team in
                    try await S.signUp(team)
                    try await setUpRoles(team)
                    try await TeamWebServer.with(team) { web in
                        let page = "/events/\(LeagueHarness.guild)/1"
                        let boss = try await web.signIn(driver: "boss", discordUser: TeamPeople.admin)
                        #expect(try await web.request(.get, page, cookie: boss.cookie).body.contains(#"id="broadcast""#))
                        // The admin role is taken away in Discord.
                        await fake.rest.setMember(TeamPeople.admin, roles: [])
                        let memberReads = await fake.rest.requests(matching: "GET", "/guilds/\(LeagueHarness.guild)/members").count
                        // Within the cache's 30 s a page still shows the form, without asking Discord...
                        #expect(try await web.request(.get, page, cookie: boss.cookie).body.contains(#"id="broadcast""#))
                        #expect(await fake.rest.requests(matching: "GET", "/guilds/\(LeagueHarness.guild)/members").count == memberReads)
                        // ...after them the page asks again and the form is gone.
                        clock.set(clock.now().addingTimeInterval(31))
                        #expect(try await web.request(.get, page, cookie: boss.cookie).body.contains(#"id="broadcast""#) == false)
                        // The role is given back: it counts once the cache's entry is old (a non-admin's
                        // posts never make the server ask Discord sooner).
                        await fake.rest.setMember(TeamPeople.admin, roles: [TeamPeople.adminRole])
                        let early = try await web.request(.post, page + "/broadcast", cookie: boss.cookie, form: "csrf=\(boss.csrf)&to=drivers&message=Hi")
                        #expect(early.status == 404)
                        clock.set(clock.now().addingTimeInterval(31))
                        let sent = try await web.request(.post, page + "/broadcast", cookie: boss.cookie, form: "csrf=\(boss.csrf)&to=drivers&message=Hi")
                        #expect(sent.status == 200, "\(sent.body)")
                        await fake.rest.setMember(TeamPeople.admin, roles: [])
                        let refused = try await web.request(.post, page + "/broadcast", cookie: boss.cookie, form: "csrf=\(boss.csrf)&to=drivers&message=Hi")
                        #expect(refused.status == 404)
                        // A member who left the guild (Unknown Member) is a guest.
                        await fake.rest.setMember(TeamPeople.admin, roles: nil)
                        clock.set(clock.now().addingTimeInterval(31))
                        #expect(try await web.request(.get, page, cookie: boss.cookie).body.contains(#"id="broadcast""#) == false)
                        // Each change the web saw is in the audit log, as at an interaction.
                        let log = try #require(try await team.team?.repository.auditLog(guildID: LeagueHarness.guild, limit: 100))
                        let changes = log.filter { $0.action == .memberRole && $0.subject == TeamPeople.admin }.map { "\($0.before ?? "")>\($0.after ?? "")" }
                        #expect(changes.suffix(4) == ["owner>admin", "admin>guest", "guest>admin", "admin>guest"], "\(changes)")
                    }
                }
            }
        }
    }
}
