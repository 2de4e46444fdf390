import Foundation
import Storage
import Testing

@testable import Discord
@testable import EndurancePlanner
@testable import IRacingFake

/// Admins editing a published plan end to end through the fake gateway: an edit that breaks a
/// rule is refused naming it, a kept edit is audited and republishing DMs only the drivers whose
/// part changed (once each), captains and crews are checked, and a deleted event takes its
/// queued DMs with it while its id is never given again.
@Suite(.needsLeagueData, .serialized, .timeLimit(.minutes(3)))
struct TeamPlanEditTests {
    typealias I = LeagueInteraction
    typealias S = TeamScenario

    @Test func editsAreCheckedAndARepublishDMsOnlyTheDriversWhoseStintsChanged() async throws {
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: TeamConfiguration()) { team in
                    try await S.signUp(team)
                    let unplanned = try await team.send(S.admin("assign", [
                        I.integer("event", 1), I.integer("car", 1), I.integer("stint", 1), I.option("driver", TeamPeople.ana, type: 6),
                    ]))
                    #expect(unplanned.content == "There is no proposed plan for event 1: run /event plan first.")
                    _ = try await team.send(S.admin("plan", [I.integer("event", 1)]))
                    let first = try await team.send(S.admin("publish", [I.integer("event", 1)]))
                    #expect(first.content == "Plan version 1 of Le Mans 24 published; 3 driver(s) get their stints by DM.")
                    try await eventually("three DMs") { await S.dmCounts(team).values.reduce(0, +) == 3 }

                    // Cem marked 13-16 UTC: the first stint (12-13) is outside his hours.
                    let outside = try await team.send(S.admin("assign", [
                        I.integer("event", 1), I.integer("car", 1), I.integer("stint", 1), I.option("driver", TeamPeople.cem, type: 6),
                    ]))
                    #expect(outside.content.hasPrefix("Not changed: the plan would break the drivers' marked hours: "), "\(outside.content)")
                    #expect(outside.content.contains("<@\(TeamPeople.cem)> is not free for Car 1 stint 1 (Sat 15 Jun 12:00–13:00)"), "\(outside.content)")
                    let noStint = try await team.send(S.admin("assign", [
                        I.integer("event", 1), I.integer("car", 1), I.integer("stint", 9), I.option("driver", TeamPeople.cem, type: 6),
                    ]))
                    #expect(noStint.content == "Car 1 has no stint 9 in the plan.")
                    let noCar = try await team.send(S.admin("assign", [
                        I.integer("event", 1), I.integer("car", 2), I.integer("stint", 1), I.option("driver", TeamPeople.cem, type: 6),
                    ]))
                    #expect(noCar.content == "There is no car 2: this event has 1.")
                    let stranger = try await team.send(S.admin("assign", [
                        I.integer("event", 1), I.integer("car", 1), I.integer("stint", 1), I.option("driver", TeamPeople.dan, type: 6),
                    ]))
                    #expect(stranger.content == "<@\(TeamPeople.dan)> has not signed up for this event.")
                    let byMember = try await team.send(I.team("assign", [
                        I.integer("event", 1), I.integer("car", 1), I.integer("stint", 1), I.option("driver", TeamPeople.cem, type: 6),
                    ], by: TeamPeople.ben))
                    #expect(byMember.content.hasPrefix("/event assign is for team members with the admin role"), "\(byMember.content)")

                    // The second stint's driver takes the third too, and the third's driver spots it: they change (and
                    // whoever spotted the third before), the first stint's driver does not.
                    let before = try await S.editable(team)
                    let stints = before.cars[0].stints
                    let (kept, taker, loser) = (stints[0].driver.rawValue, stints[1].driver.rawValue, stints[2].driver.rawValue)
                    #expect(Set([kept, taker, loser]).count == 3, "one stint each: \(stints)")
                    if stints[2].spotter?.rawValue == taker {
                        // Driving while spotting the same stint breaks the spotter rule: refused, named.
                        let clash = try await team.send(S.admin("assign", [
                            I.integer("event", 1), I.integer("car", 1), I.integer("stint", 3), I.option("driver", taker, type: 6),
                        ]))
                        #expect(clash.content.hasPrefix("Not changed: the plan would break a spotter for every stint: "), "\(clash.content)")
                    }
                    let assigned = try await team.send(S.admin("assign", [
                        I.integer("event", 1), I.integer("car", 1), I.integer("stint", 3), I.option("driver", taker, type: 6),
                        I.option("spotter", loser, type: 6),
                    ]))
                    #expect(assigned.content.hasPrefix("Car 1 stint 3 is now driven by <@\(taker)>."), "\(assigned.content)")
                    #expect(try await S.editable(team).cars[0].stints.map(\.driver.rawValue) == [kept, taker, taker])
                    let changed = Set([taker, loser] + (stints[2].spotter.map { [$0.rawValue] } ?? []))
                    let republished = try await team.send(S.admin("publish", [I.integer("event", 1)]))
                    #expect(republished.content == "Plan version 2 of Le Mans 24 published; \(changed.count) driver(s) whose part changed get a DM.")
                    try await eventually("the changed drivers' DMs") { await S.dmCounts(team).values.reduce(0, +) == 3 + changed.count }
                    let counts = await S.dmCounts(team)
                    for user in S.everyone { #expect(counts[user] == (changed.contains(user) ? 2 : 1), "\(user): \(counts)") }
                    #expect(!changed.contains(kept) || stints[2].spotter?.rawValue == kept)
                    let takerDM = await team.directMessages(to: taker).last ?? ""
                    #expect(takerDM.contains("plan v2") || takerDM.contains("plan s2"), "\(takerDM)")

                    // A republish with nothing changed DMs nobody.
                    _ = try await team.send(S.admin("assign", [
                        I.integer("event", 1), I.integer("car", 1), I.integer("stint", 3), I.option("driver", taker, type: 6),
                        I.option("spotter", loser, type: 6),
                    ]))
                    let same = try await team.send(S.admin("publish", [I.integer("event", 1)]))
                    #expect(same.content == "Plan version 3 of Le Mans 24 published; 0 driver(s) whose part changed get a DM.")

                    let log = try #require(try await team.team?.repository.auditLog(guildID: LeagueHarness.guild, limit: 50))
                    let edits = log.filter { $0.action == .planEdit }
                    #expect(edits.count == 2 && edits[0].subject == "1:car1:3" && edits[0].before?.hasPrefix("driver=\(loser)") == true, "\(edits)")
                    #expect(edits[0].after == "driver=\(taker) spotter=\(loser)")
                }
            }
        }
    }

    @Test func captainsAndCrewsAreCheckedAndAudited() async throws {
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: TeamConfiguration()) { team in
                    try await S.signUp(team)
                    _ = try await team.send(S.admin("plan", [I.integer("event", 1)]))
                    let captain = try await team.send(S.admin("captain", [
                        I.integer("event", 1), I.integer("car", 1), I.option("driver", TeamPeople.cem, type: 6),
                    ]))
                    #expect(captain.content == "<@\(TeamPeople.cem)> is now captain of Car 1.")
                    #expect(try await S.editable(team).cars[0].captain == DriverID(TeamPeople.cem))
                    _ = try await team.send(S.admin("publish", [I.integer("event", 1)]))
                    try await eventually("cem's DM") { await team.directMessages(to: TeamPeople.cem).count == 1 }
                    #expect(await team.directMessages(to: TeamPeople.cem)[0].contains("• captain of Car 1"))

                    let crew = try await team.send(S.admin("crew", [
                        I.integer("event", 1), I.integer("car", 1), I.option("driver", TeamPeople.cem, type: 6),
                    ]))
                    // Only Cem may drive the car now: the plan to publish breaks the crew rule, named.
                    #expect(crew.content.hasPrefix("Crew of Car 1: <@\(TeamPeople.cem)>.\nThe plan to publish now breaks the event setup:"), "\(crew.content)")
                    let notCrew = try await team.send(S.admin("captain", [
                        I.integer("event", 1), I.integer("car", 1), I.option("driver", TeamPeople.ana, type: 6),
                    ]))
                    #expect(notCrew.content == "<@\(TeamPeople.ana)> is not in the crew of Car 1: add them with /event crew first.")
                    let removed = try await team.send(S.admin("crew", [
                        I.integer("event", 1), I.integer("car", 1), I.option("driver", TeamPeople.cem, type: 6), I.option("action", "remove"),
                    ]))
                    #expect(removed.content == "Crew of Car 1: every signed-up driver.", "\(removed.content)")
                    let event = try #require(try await team.team?.repository.event(guildID: LeagueHarness.guild, eventID: 1))
                    #expect(event.cars[0].crew.isEmpty && event.cars[0].captainID == nil, "a captain who leaves the crew is no longer captain")
                    let log = try #require(try await team.team?.repository.auditLog(guildID: LeagueHarness.guild, limit: 50))
                    #expect(log.filter { $0.action == .crewChange }.map(\.after) == [
                        "crew= captain=\(TeamPeople.cem)", "crew=\(TeamPeople.cem) captain=\(TeamPeople.cem)", "crew= captain=",
                    ])
                }
            }
        }
    }

    /// Deleting needs `confirm:true`; it drops the event's queued DMs (the fake is stalled, so
    /// they are all still queued), is audited, and the next event gets a new id.
    @Test func deletingAnEventDropsItsQueuedDMsAndNeverReusesItsID() async throws {
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: TeamConfiguration()) { team in
                    try await S.signUp(team)
                    _ = try await team.send(S.admin("plan", [I.integer("event", 1)]))
                    await fake.rest.setStalled(true)
                    _ = try await team.send(S.admin("publish", [I.integer("event", 1)]))
                    let unconfirmed = try await team.send(S.admin("delete", [I.integer("event", 1)]))
                    #expect(unconfirmed.content.hasSuffix("Run it again with confirm:true."))
                    let deleted = try await team.send(S.admin("delete", [I.integer("event", 1), I.option("confirm", true, type: 5)]))
                    #expect(deleted.content == "Event 1 (Le Mans 24) deleted; 3 queued DM(s) about it dropped.")
                    await fake.rest.setStalled(false)
                    #expect(try await team.bot.repository.pendingDirectMessages().isEmpty)
                    // The one DM already on its way when the event was deleted may land; the others never do.
                    try await Task.sleep(for: .milliseconds(500))
                    #expect(await S.dmCounts(team).values.reduce(0, +) <= 1)
                    let gone = try await team.send(I.team("show", [I.integer("event", 1)], by: TeamPeople.ben))
                    #expect(gone.content == "There is no event 1 here.")
                    let again = try await team.send(.createEvent())
                    #expect(again.content.hasPrefix("Event 2 created"), "\(again.content)")
                    let log = try #require(try await team.team?.repository.auditLog(guildID: LeagueHarness.guild, limit: 50))
                    #expect(log.contains { $0.action == .eventDelete && $0.subject == "1" && $0.before == "Le Mans 24" })
                }
            }
        }
    }
}
