import Foundation
import Storage
import Testing

/// Simultaneous claims of one number through the real path (fake gateway → command handler →
/// SQLite): the primary key (guild, number) lets exactly one through.
@Suite(.needsLeagueData, .timeLimit(.minutes(2)))
struct LeagueConcurrentClaimTests {
    typealias I = LeagueInteraction

    @Test func simultaneousClaimsOfOneNumberHaveExactlyOneWinner() async throws {
        let users = (0..<8).map { "8035111022467900\($0)" }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("league-\(UUID().uuidString).sqlite").path
        try await FakeDiscord.with { fake in
            // A file database, as in production: the writer connection serialises the transactions.
            try await LeagueHarness.with(fake, database: try TrailbrakeDatabase(path: path)) { league in
                try await league.setUp()
                for round in 0..<3 {
                    let number = String(20 + round)
                    // Every claim leaves in one burst on the gateway; the bot handles each in its own task.
                    let ids = users.map { _ in league.interactionID() }
                    let payloads = try zip(ids, users).map { id, user in
                        try I(name: "claim", options: [I.option("number", number)], user: user).payload(id: id)
                    }
                    for payload in payloads { await fake.gateway.dispatch("INTERACTION_CREATE", data: payload) }
                    var replies: [String] = []
                    for id in ids { replies.append(try await league.reply(to: id).content) }
                    let winners = replies.filter { $0 == "**#\(number)** is yours." }
                    #expect(winners.count == 1, "round \(round): \(replies)")
                    let carNumber = try #require(CarNumber(number))
                    let claim = try #require(try await league.repository.claim(carNumber, guildID: LeagueHarness.guild))
                    #expect(replies.filter { $0 == "**#\(number)** is taken by <@\(claim.userID)>." }.count == users.count - 1)
                    // The winner's reply is the holder's.
                    #expect(replies[users.firstIndex(of: claim.userID) ?? -1] == "**#\(number)** is yours.")
                    // Release it for the next round, so each round starts from a free number.
                    _ = try await league.repository.release(carNumber, guildID: LeagueHarness.guild, actorID: LeagueUsers.admin, force: true)
                }
                let claims = try await league.repository.auditLog(guildID: LeagueHarness.guild, limit: 100).filter { $0.action == .claim }
                #expect(claims.count == 3, "one audit entry per winning claim")
            }
        }
    }
}
