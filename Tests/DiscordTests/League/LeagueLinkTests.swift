import Foundation
import Storage
import Testing

/// `/link`: one Discord user per iRacing member id; a member id taken by the wrong person is
/// given back by an admin, and both moves are in the audit log.
@Suite(.needsLeagueData, .timeLimit(.minutes(2)))
struct LeagueLinkTests {
    typealias I = LeagueInteraction
    static let member = 910_777

    @Test func aTakenMemberIDIsRefusedAndAnAdminCanGiveItBack() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp()
                let impostor = try await league.send(I(name: "link", options: [I.integer("iracing_id", Self.member)], user: LeagueUsers.cem))
                #expect(impostor.content.contains("Linked to iRacing member \(Self.member)"))
                let refused = try await league.send(I(name: "link", options: [I.integer("iracing_id", Self.member)]))
                #expect(refused.content == "iRacing member \(Self.member) is already linked to <@\(LeagueUsers.cem)>. Ask a league admin if that is wrong.")
                // Only an admin may link someone else.
                let notAdmin = try await league.send(
                    I(name: "link", options: [I.integer("iracing_id", Self.member), I.user(LeagueUsers.ana)], user: LeagueUsers.ben))
                #expect(notAdmin.content.hasPrefix("/link user is for league admins"))
                let badUser = try await league.send(I.admin("link", [I.integer("iracing_id", Self.member), I.user("<@1>")]))
                #expect(badUser.content == "Choose a member of this server.")

                let fixed = try await league.send(I.admin("link", [I.integer("iracing_id", Self.member), I.user(LeagueUsers.ana)]))
                #expect(fixed.content == "<@\(LeagueUsers.ana)> is now linked to iRacing member \(Self.member).")
                let links = try await league.repository.links(guildID: LeagueHarness.guild)
                #expect(links.map(\.userID) == [LeagueUsers.ana])
                #expect(links.first?.memberID == Self.member)
                let log = try await league.send(I.admin("auditlog"))
                #expect(log.content.contains(
                    "<@\(LeagueUsers.admin)> removed the link of <@\(LeagueUsers.cem)> to iRacing member \(Self.member)"))
                #expect(log.content.contains(
                    "<@\(LeagueUsers.admin)> linked <@\(LeagueUsers.ana)> to iRacing member \(Self.member) (before: none)"))
                // Linking again to the same id changes nothing and logs nothing.
                let again = try await league.send(I(name: "link", options: [I.integer("iracing_id", Self.member)]))
                #expect(again.content == "You were already linked to iRacing member \(Self.member).")
                #expect(try await league.repository.auditLog(guildID: LeagueHarness.guild, limit: 50).filter { $0.action == .link }.count == 3)
            }
        }
    }
}
