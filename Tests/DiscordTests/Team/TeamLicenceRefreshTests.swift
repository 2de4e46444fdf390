import Foundation
import Storage
import Testing

@testable import Discord
@testable import EndurancePlanner
@testable import IRacingFake

/// The entry limits are checked against iRacing's data as it is when the plan is made, not as
/// it was at sign-up: `/event plan` fetches every driver's licences again and stores them.
@Suite(.needsLeagueData, .serialized, .timeLimit(.minutes(3)))
struct TeamLicenceRefreshTests {
    typealias I = LeagueInteraction
    typealias S = TeamScenario

    @Test func aDriverWhoseIRatingFellSinceSignUpIsLeftOutOfThePlan() async throws {
        try await withTeamIRacing { iracing in
            try await FakeDiscord.with { fake in
                try await LeagueHarness.with(fake, iracing: iracing, team: TeamConfiguration()) { team in
                    try await S.signUp(team)
                    // Since signing up, Cem fell below the event's 2,000 and iRacing no longer knows Ben's id.
                    await iracing.state.update { state in
                        state.world.licensedMembers[TeamPeople.cemID]?.licences = [.init("sports_car", iRating: 1_500)]
                        state.world.licensedMembers[TeamPeople.benID] = nil
                    }
                    let plan = try await team.send(S.admin("plan", [I.integer("event", 1)]))
                    #expect(plan.content.hasPrefix("Proposed plan for Le Mans 24 (3 stints)."), "\(plan.content)")
                    #expect(plan.content.contains(
                        "iRacing did not give the licences of 1 driver(s) now (member_not_found): their licences from sign-up were used."),
                        "\(plan.content)")
                    let proposal = try await S.editable(team)
                    #expect(!proposal.allStints.contains { $0.stint.driver.rawValue == TeamPeople.cem }, "Cem is under the limit now")
                    #expect(proposal.allStints.contains { $0.stint.driver.rawValue == TeamPeople.ben }, "Ben keeps his sign-up licences")
                    let stored = try #require(try await team.team?.repository.registration(
                        guildID: LeagueHarness.guild, eventID: 1, userID: TeamPeople.cem))
                    #expect(stored.licencesJSON.contains("1500"), "\(stored.licencesJSON)")
                }
            }
        }
    }
}
