import Foundation
import Storage
import Testing

@testable import Discord
@testable import EndurancePlanner

/// A three-hour, one-car event whose stints any of three drivers may take twice in a row
/// (`min_rest_hours:0`): Ana (Turkish, Istanbul, free 11-16 UTC), Ben (English, New York,
/// 11-15 UTC) and Cem (the guild's English, UTC, 13-16 UTC: not free for the first stint).
enum TeamScenario {
    typealias I = LeagueInteraction

    static func admin(_ sub: String, _ options: [[String: any Sendable]] = [], command: String = "event") -> LeagueInteraction {
        I.team(sub, options, by: TeamPeople.admin, roles: [], admin: true, command: command)
    }

    static func signUp(_ team: LeagueHarness) async throws {
        try await team.mapMemberRole()
        let created = try await team.send(admin("create", [
            I.option("name", "Le Mans 24"), I.option("track", "Sarthe"), I.option("start", "2030-06-15 12:00"), I.integer("hours", 3),
            I.integer("stint_minutes", 60), I.integer("min_irating", 2_000), I.integer("min_rest_hours", 0),
        ]))
        #expect(created.content.hasPrefix("Event 1 created"), "\(created.content)")
        for (user, member, zone, language) in [
            (TeamPeople.ana, TeamPeople.anaID, "Europe/Istanbul", "tr"), (TeamPeople.ben, TeamPeople.benID, "America/New_York", "en"),
            (TeamPeople.cem, TeamPeople.cemID, "UTC", nil),
        ] {
            _ = try await team.send(.signup(user, member: member, zone: zone, language: language))
        }
        _ = try await team.send(.available(TeamPeople.ana, day: "2030-06-15", hour: 14, hours: 5))
        _ = try await team.send(.available(TeamPeople.ben, day: "2030-06-15", hour: 7, hours: 4))
        _ = try await team.send(.available(TeamPeople.cem, day: "2030-06-15", hour: 13, hours: 3))
    }

    /// The plan an admin would edit now (the proposal, else the newest published).
    static func editable(_ team: LeagueHarness) async throws -> StintPlan {
        let stored = try #require(try await team.team?.repository.editablePlan(guildID: LeagueHarness.guild, eventID: 1))
        return try TeamPlanning.plan(stored.planJSON)
    }

    static let everyone = [TeamPeople.ana, TeamPeople.ben, TeamPeople.cem]

    /// How many DMs each of the three has received.
    static func dmCounts(_ team: LeagueHarness) async -> [String: Int] {
        var counts: [String: Int] = [:]
        for user in everyone { counts[user] = await team.directMessages(to: user).count }
        return counts
    }
}
