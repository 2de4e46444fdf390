import Discord
import Foundation
import Storage
import Testing

@testable import IRacingFake

/// The people, the event and the iRacing members of the team tests.
enum TeamPeople {
    static let admin = LeagueUsers.admin
    static let ana = LeagueUsers.ana
    static let ben = LeagueUsers.ben
    static let cem = LeagueUsers.cem
    static let dan = "80351110224678916"
    static let memberRole = "41771983423143937"
    static let adminRole = "41771983423143938"

    /// iRacing member ids: three above the event's 2,000 minimum, one below, one never raced in sports cars.
    static let anaID = 910_001, benID = 910_002, cemID = 910_003, lowID = 910_004, unracedID = 910_005

    static let members: [Int: FakeWorld.LicensedMember] = [
        anaID: .init(memberID: anaID, displayName: "Ana Silva", licences: [.init("sports_car", iRating: 2_500), .init("oval", iRating: 900)]),
        benID: .init(memberID: benID, displayName: "Ben Okafor", licences: [.init("sports_car", iRating: 2_400)]),
        cemID: .init(memberID: cemID, displayName: "Cem Yılmaz", licences: [.init("sports_car", iRating: 2_100)]),
        lowID: .init(memberID: lowID, displayName: "Low Rated", licences: [.init("sports_car", iRating: 1_500)]),
        unracedID: .init(memberID: unracedID, displayName: "New Driver", licences: [.init("sports_car", iRating: nil)]),
    ]
}

/// Runs `body` against a fake iRacing that knows `TeamPeople.members`.
func withTeamIRacing<T: Sendable>(_ body: @Sendable (FakeIRacingServer) async throws -> T) async throws -> T {
    guard let fixtures = FakeFixtures.load() else { throw TestFailure("shared iRacing data missing") }
    var world = FakeWorld(fixtures: fixtures)
    world.licensedMembers = TeamPeople.members
    return try await FakeIRacingServer.with(world: world, body)
}

extension LeagueInteraction {
    /// `/event SUB options` (or `/team SUB`) by `user`, a member of the member role unless `roles` say otherwise.
    static func team(
        _ sub: String, _ options: [[String: any Sendable]] = [], by user: String, roles: [String] = [TeamPeople.memberRole],
        admin: Bool = false, command: String = "event"
    ) -> LeagueInteraction {
        LeagueInteraction(
            name: command, options: [subcommand(sub, options)], user: user,
            permissions: admin ? InteractionPayloads.admin : InteractionPayloads.member, roles: roles)
    }

    /// `/event create` of a 3-hour race of one-hour stints from 2030-06-15 12:00 UTC, iRating 2,000 or more.
    static func createEvent(hours: Int = 3, cars: Int = 1) -> LeagueInteraction {
        team("create", [
            option("name", "Le Mans 24"), option("track", "Sarthe"), option("start", "2030-06-15 12:00"), integer("hours", hours),
            integer("stint_minutes", 60), integer("cars", cars), integer("min_irating", 2_000),
        ], by: TeamPeople.admin, roles: [], admin: true)
    }

    static func signup(_ user: String, member: Int, zone: String, language: String? = nil) -> LeagueInteraction {
        var options = [integer("event", 1), integer("member_id", member), option("tz", zone)]
        if let language { options.append(option("language", language)) }
        return team("signup", options, by: user)
    }

    static func available(_ user: String, day: String, hour: Int, hours: Int) -> LeagueInteraction {
        team("available", [integer("event", 1), option("day", day), integer("hour", hour), integer("hours", hours)], by: user)
    }
}

extension LeagueHarness {
    /// The member role mapped by the server's owner (Manage Server), as `/team roles` does.
    func mapMemberRole() async throws {
        let reply = try await send(.team("roles", [
            LeagueInteraction.option("role", TeamPeople.memberRole, type: 8), LeagueInteraction.option("level", "member"),
        ], by: TeamPeople.admin, roles: [], admin: true, command: "team"))
        #expect(reply.content.contains("now gives the team role member"), "\(reply.content)")
    }

    /// Texts of the DMs `user` received.
    func directMessages(to user: String) async -> [String] {
        await fake.rest.messages(in: "dm\(user)").map { $0.payloadObject["content"] as? String ?? "" }
    }
}
