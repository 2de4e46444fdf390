import Foundation
import Integration
import Testing

@testable import Discord

/// Results posted as embeds, once, in the guild's time zone; oversized tables split.
@Suite(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"), .timeLimit(.minutes(1)))
struct ResultPostTests {
    @Test func aResultIsPostedOnceEvenWhenPublishedTwice() async throws {
        let guild = try #require(GuildID(RunningBot.guild))
        let post = SampleResults.post(guild: guild, entries: [SampleResults.entry(77, position: 3)])
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.repository.updateSettings(guildID: RunningBot.guild, resultsChannelID: "600", timeZone: "Asia/Tokyo")
                try await running.bot.publish(post)
                try await running.bot.publish(post)  // a retry after a crash
                let messages = await fake.rest.messages(in: "600")
                #expect(messages.count == 1)
                #expect(await fake.rest.requests(matching: "POST", "channels/600").count == 2)
                let payload = try #require(messages.first?.payloadObject)
                #expect(payload["enforce_nonce"] as? Bool == true)
                #expect((payload["nonce"] as? String)?.count ?? 99 <= 25)
                let embed = try #require((payload["embeds"] as? [[String: Any]])?.first)
                // 2026-01-01 00:00 UTC is 09:00 in Tokyo.
                #expect((embed["description"] as? String)?.contains("2026-01-01 09:00") == true)
                let field = try #require((embed["fields"] as? [[String: Any]])?.first)
                #expect(field["name"] as? String == "P3 (class P3) · Driver 77")
                let value = try #require(field["value"] as? String)
                for expected in ["Laps 14", "Incidents 2x", "iRating 2000 → 2037 (+37)", "SR A 3.41 → A 3.52 (+0.11)", "Best lap 1:32.457"] {
                    #expect(value.contains(expected), "\(expected) missing from \(value)")
                }
            }
        }
    }

    @Test func anOversizedTableIsSplitIntoSeveralValidMessages() async throws {
        let guild = try #require(GuildID(RunningBot.guild))
        var entries = (1...300).map { SampleResults.entry(1_000 + $0, position: $0) }
        entries[0].driverName = String(repeating: "Long Name ", count: 40)
        let post = SampleResults.post(guild: guild, subsession: 99, entries: entries)
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.repository.updateSettings(guildID: RunningBot.guild, resultsChannelID: "601")
                try await running.bot.publish(post)
                let messages = await fake.rest.messages(in: "601")
                #expect(messages.count > 1)
                let embeds = messages.flatMap { ($0.payloadObject["embeds"] as? [[String: Any]]) ?? [] }
                let fields = embeds.flatMap { ($0["fields"] as? [[String: Any]]) ?? [] }
                #expect(fields.count == 300)
                #expect(Set(messages.compactMap { $0.payloadObject["nonce"] as? String }).count == messages.count)
                for message in messages {
                    let embeds = (message.payloadObject["embeds"] as? [[String: Any]]) ?? []
                    #expect(embeds.count <= 10)
                    let characters = embeds.reduce(0) { total, embed in
                        total + ((embed["title"] as? String)?.count ?? 0) + ((embed["description"] as? String)?.count ?? 0)
                            + (((embed["footer"] as? [String: Any])?["text"] as? String)?.count ?? 0)
                            + ((embed["fields"] as? [[String: Any]]) ?? []).reduce(0) {
                                $0 + (($1["name"] as? String)?.count ?? 0) + (($1["value"] as? String)?.count ?? 0)
                            }
                    }
                    #expect(characters <= 6_000)
                }
                #expect((fields.first?["name"] as? String)?.count ?? 0 <= 256)
                // Each message's first embed names its part, so a lost answer can be checked later.
                let footers = messages.map { (($0.payloadObject["embeds"] as? [[String: Any]])?.first?["footer"] as? [String: Any])?["text"] as? String }
                #expect(footers == (1...messages.count).map { "Subsession 99 · \($0)/\(messages.count)" })
                // Publishing again posts nothing new.
                try await running.bot.publish(post)
                #expect(await fake.rest.messages(in: "601").count == messages.count)
            }
        }
    }

    @Test func noResultsChannelMeansNothingIsPosted() async throws {
        let guild = try #require(GuildID(RunningBot.guild))
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.bot.publish(SampleResults.post(guild: guild, entries: [SampleResults.entry(1, position: 1)]))
                #expect(await fake.rest.requests(matching: "POST", "channels/").isEmpty)
            }
        }
    }

    @Test func lapTimesAreFormattedAsRacersWriteThem() {
        #expect(LapTimeFormat.string(92.4567) == "1:32.457")
        #expect(LapTimeFormat.string(59.9996) == "1:00.000")
        #expect(LapTimeFormat.string(5.5) == "0:05.500")
        #expect(LapTimeFormat.string(.nan) == "–")
    }

    @Test func noncesAreStablePerPostAndPart() {
        let a = ResultNonce.make(postKey: "290926798626357999-71234567", part: 0)
        #expect(a == ResultNonce.make(postKey: "290926798626357999-71234567", part: 0))
        #expect(a != ResultNonce.make(postKey: "290926798626357999-71234567", part: 1))
        #expect(a != ResultNonce.make(postKey: "290926798626357999-71234568", part: 0))
        #expect(a.count == 18)
    }
}
