import Foundation
import Storage
import Testing

/// `/roster` with many numbers and long, hostile names: every page within Discord's limit,
/// every number on exactly one page, pages asked for by number.
@Suite(.needsLeagueData, .timeLimit(.minutes(2)))
struct LeagueRosterPagingTests {
    typealias I = LeagueInteraction

    @Test func everyPageFitsAndEveryNumberAppearsOnce() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp(range: 0...999)
                let hostile = "**" + String(repeating: "W", count: 80) + "\u{0301}\u{0301}" + " @everyone <@1> 😀😀😀"
                for number in 0..<240 {
                    let user = String(80_351_110_224_600_000 + number)
                    try await league.repository.hold(String(number), by: user)
                    _ = try await league.repository.link(
                        userID: user, to: 500_000 + number, guildID: LeagueHarness.guild, iracingName: hostile, verified: true)
                }
                let first = try await league.send(I(name: "roster"))
                let header = try #require(first.content.split(separator: "\n").first)
                let pages = try #require(Int(header.split(separator: " ").last ?? ""))
                #expect(pages > 1)
                var seen: [String] = []
                for page in 1...pages {
                    let reply = try await league.send(I(name: "roster", options: [I.option("page", page, type: 4)]))
                    #expect(reply.content.utf16.count <= 2_000, "page \(page): \(reply.content.utf16.count)")
                    #expect(reply.content.split(separator: "\n").count <= 25 + 2, "at most roster_page_lines lines, a header and a footer")
                    #expect(reply.content.hasPrefix("Numbers held: 240 · page \(page) of \(pages)"))
                    #expect(!reply.content.contains("@everyone") && !reply.content.contains("<@1>"))
                    seen += reply.content.split(separator: "\n").compactMap { line in
                        line.range(of: "**#").map { String(line[$0.upperBound...].prefix { $0 != "*" }) }
                    }
                    #expect(reply.content.contains("/roster page:\(page + 1)") == (page < pages))
                }
                #expect(seen == (0..<240).map(String.init))
                // A page past the end shows the last one.
                let past = try await league.send(I(name: "roster", options: [I.option("page", 999, type: 4)]))
                #expect(past.content.hasPrefix("Numbers held: 240 · page \(pages) of \(pages)"))
            }
        }
    }
}
