import Foundation
import Storage
import Testing

@testable import Discord
@testable import IRacingFake

/// Sign-up end to end: the command through the fake gateway, the member's licences from the fake
/// iRacing through the real client, the planner's entry check, the reply in the member's language.
@Suite(.needsLeagueData, .serialized, .timeLimit(.minutes(3)))
struct TeamSignupTests {
    typealias I = LeagueInteraction

    @Test func aLowIRatingIsRefusedWithTheReasonInTheMembersLanguage() async throws {
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: TeamConfiguration()) { team in
                    try await team.mapMemberRole()
                    let created = try await team.send(.createEvent())
                    #expect(created.content.hasPrefix("Event 1 created: Le Mans 24 at Sarthe"), "\(created.content)")

                    let low = try await team.send(.signup(TeamPeople.dan, member: TeamPeople.lowID, zone: "Europe/London"))
                    #expect(low.type == 5, "deferred while iRacing is asked")
                    #expect(low.content == "Sign-up refused: your iRating 1500 is below the minimum 2000.", "\(low.content)")
                    let lowTurkish = try await team.send(.signup(TeamPeople.dan, member: TeamPeople.lowID, zone: "Europe/Istanbul", language: "tr"))
                    #expect(lowTurkish.content == "Kayıt reddedildi: iRating değeriniz 1500, en az 2000 olmalı.", "\(lowTurkish.content)")
                    // A licence iRacing sends without `irating` is "no iRating yet", not zero.
                    let unraced = try await team.send(.signup(TeamPeople.dan, member: TeamPeople.unracedID, zone: "UTC"))
                    #expect(unraced.content == "Sign-up refused: you have no sports_car iRating yet.", "\(unraced.content)")
                    let unknown = try await team.send(.signup(TeamPeople.dan, member: 999_999, zone: "UTC"))
                    #expect(unknown.content == "iRacing has no member 999999.", "\(unknown.content)")
                    #expect(try await team.team?.repository.registrations(guildID: LeagueHarness.guild, eventID: 1).isEmpty == true)
                    let asked = await iracing.state.dataRequests.filter { $0.hasPrefix("/data/member/get") }
                    #expect(asked.allSatisfy { $0.contains("include_licenses=true") } && asked.count == 4, "\(asked)")

                    let ok = try await team.send(.signup(TeamPeople.ana, member: TeamPeople.anaID, zone: "Europe/Istanbul"))
                    #expect(ok.content.hasPrefix("You are signed up for Le Mans 24 as iRacing member 910001 (Ana Silva)"), "\(ok.content)")
                    let taken = try await team.send(.signup(TeamPeople.ben, member: TeamPeople.anaID, zone: "UTC"))
                    #expect(taken.content == "iRacing member 910001 is already signed up by someone else.", "\(taken.content)")
                    let zone = try await team.send(.signup(TeamPeople.ben, member: TeamPeople.benID, zone: "CET+1"))
                    #expect(zone.content.hasPrefix("Unknown time zone"), "\(zone.content)")

                    // Ana marked no hours: the planner names the failing constraint, nothing is proposed.
                    let plan = try await team.send(.team("plan", [I.integer("event", 1)], by: TeamPeople.admin, roles: [], admin: true))
                    #expect(plan.content == "No plan keeps every rule. Failing: the drivers' marked hours: nobody who may drive Car 1 is free for all of stint 1 (Sat 15 Jun 12:00–13:00).", "\(plan.content)")
                    #expect(try await team.team?.repository.plan(guildID: LeagueHarness.guild, eventID: 1, published: false) == nil)
                }
            }
        }
    }

    /// Issue 18: in a Turkish guild the failing plan's sentence is Turkish too, not only the
    /// constraint's name (the same impossible event: Ana marked no hours).
    @Test func aFailingPlanInATurkishGuildAnswersWithNoEnglishSentence() async throws {
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: TeamConfiguration()) { team in
                    try await team.mapMemberRole()
                    let turkish = try await team.send(.team("language", [I.option("value", "tr")], by: TeamPeople.admin, roles: [], admin: true, command: "team"))
                    #expect(turkish.content == "Takımın dili artık Türkçe.", "\(turkish.content)")
                    _ = try await team.send(.createEvent())
                    let ok = try await team.send(.signup(TeamPeople.ana, member: TeamPeople.anaID, zone: "Europe/Istanbul"))
                    #expect(ok.content.hasPrefix("Le Mans 24 etkinliğine iRacing üyesi 910001"), "\(ok.content)")

                    let plan = try await team.send(.team("plan", [I.integer("event", 1)], by: TeamPeople.admin, roles: [], admin: true))
                    // The admin has not signed up: times in UTC, written the Turkish way.
                    let start = try #require(EventCreateCommand.parseStart("2030-06-15 12:00"))
                    let from = TeamTimeFormat(zoneName: "UTC", language: .turkish).dateTime(start)
                    #expect(from.hasPrefix("15 Haz"), "\(from)")
                    #expect(plan.content == "Her kuralı koruyan bir plan yok. Sağlanamayan: pilotların işaretlediği saatler: Araç 1 aracını sürebilecek kimse 1. stintin tamamında (\(from)–13:00) müsait değil.", "\(plan.content)")
                    for english in ["nobody", "free", "drive", "Failing", "rule", "stint 1", "Car 1", "Jun", "Sat"] {
                        #expect(!plan.content.contains(english), "\(english) in \(plan.content)")
                    }
                    #expect(try await team.team?.repository.plan(guildID: LeagueHarness.guild, eventID: 1, published: false) == nil)
                }
            }
        }
    }

    /// Roles come from the member's Discord roles at each interaction: a role taken away counts
    /// at once, and every change (mapping and member) is in the audit log.
    @Test func aRoleChangeInDiscordCountsAtTheNextInteractionAndIsAudited() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake, team: TeamConfiguration()) { team in
                let guest = try await team.send(.createEvent().by(TeamPeople.ana, roles: []))
                #expect(guest.content == "/event create is for team members with the admin role or above; yours is guest.", "\(guest.content)")
                let mapped = try await team.send(.team("roles", [
                    I.option("role", TeamPeople.adminRole, type: 8), I.option("level", "admin"),
                ], by: TeamPeople.admin, roles: [], admin: true, command: "team"))
                #expect(mapped.content.contains("now gives the team role admin"))
                let asAdmin = try await team.send(.createEvent().by(TeamPeople.ana, roles: [TeamPeople.adminRole]))
                #expect(asAdmin.content.hasPrefix("Event 1 created"), "\(asAdmin.content)")
                let removed = try await team.send(.createEvent().by(TeamPeople.ana, roles: []))
                #expect(removed.content.hasSuffix("yours is guest."), "\(removed.content)")
                let show = try await team.send(.team("roles", by: TeamPeople.ana, roles: [], command: "team"))
                #expect(show.content.hasPrefix("Your team role: guest."), "\(show.content)")

                let log = try #require(try await team.team?.repository.auditLog(guildID: LeagueHarness.guild, limit: 50))
                let changes = log.filter { $0.action == .memberRole && $0.subject == TeamPeople.ana }.map { "\($0.before ?? "-")>\($0.after ?? "-")" }
                #expect(changes == ["guest>admin", "admin>guest"], "\(changes)")
                #expect(log.contains { $0.action == .roleMap && $0.subject == TeamPeople.adminRole && $0.after == "admin" })
                #expect(log.contains { $0.action == .eventCreate && $0.actorID == TeamPeople.ana })
            }
        }
    }
}

extension LeagueInteraction {
    func by(_ user: String, roles: [String]) -> LeagueInteraction {
        var copy = self
        copy.user = user
        copy.roles = roles
        copy.permissions = InteractionPayloads.member
        return copy
    }
}
