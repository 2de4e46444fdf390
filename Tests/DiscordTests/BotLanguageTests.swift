import Foundation
import Integration
import Storage
import Testing

@testable import Discord

/// The bot's own replies, result embeds and live feed in Turkish or English: replies in the
/// reader's language (`ReaderLanguage`), channel posts in the guild's, numbers and dates in that
/// language's conventions. (The session report DM in Turkish: `SessionReportDMTests`.)
@Suite(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"), .timeLimit(.minutes(1)))
struct BotLanguageTests {
    typealias P = InteractionPayloads

    @Test func everyKeyInBothLanguagesWithTheSamePlaceholdersAndTurkishTranslated() {
        StringTableChecks.check(english: BotStrings.english, turkish: BotStrings.turkish)
    }

    /// Decimals in each language's conventions, losses and gains alike, never grouped.
    @Test func numbersFollowTheLanguage() {
        let english = BotStrings(language: .english), turkish = BotStrings(language: .turkish)
        #expect(english.signed(-0.25, digits: 3) == "-0.250" && english.signed(0, digits: 2) == "+0.00")
        #expect(turkish.signed(-0.25, digits: 3) == "-0,250" && turkish.signed(1234.5, digits: 1) == "+1234,5")
        #expect(LapTimeFormat.string(92.457, strings: turkish) == "1:32,457" && LapTimeFormat.string(92.457, strings: english) == "1:32.457")
    }

    static func turkishGuild(_ running: RunningBot) async throws {
        try await TeamRepository(database: running.database).setLanguage(.turkish, guildID: RunningBot.guild, actorID: "1")
    }

    @Test func coachLinkRepliesInTheGuildsLanguage() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.waitUntilReady()
                let link = [P.subcommand("link", [P.option("code", "0000-0000-0000")])]
                let english = try await running.invoke(try P.command("coach", id: "20", options: link, permissions: P.member), id: "20")
                #expect(english.content?.hasPrefix("That code does not work") == true, "\(english.content ?? "")")
                try await Self.turkishGuild(running)
                let turkish = try await running.invoke(try P.command("coach", id: "21", options: link, permissions: P.member), id: "21")
                #expect(turkish.content?.hasPrefix("Bu kod çalışmıyor") == true, "\(turkish.content ?? "")")
                let unlink = [P.subcommand("unlink", [P.option("driver", "ana")])]
                let notLinked = try await running.invoke(try P.command("coach", id: "22", options: unlink, permissions: P.member), id: "22")
                #expect(notLinked.content == "ana bu sunucuya bağlı değil.")
                let refused = try await running.invoke(try P.command("setchannel", id: "23", permissions: P.member), id: "23")
                #expect(refused.content == "/setchannel için Sunucuyu Yönet yetkisi gerekir.")
                let zone = try await running.invoke(try P.command("settz", id: "24", options: [P.option("zone", "Nowhere/Town")]), id: "24")
                #expect(zone.content == "Bilinmeyen saat dilimi 'Nowhere/Town'. Europe/Istanbul gibi bir IANA adı kullanın.")
            }
        }
    }

    /// A deferred reply (`/coach report`, edited after the lookup) in Turkish, numbers included.
    @Test func aCoachingReportIsInTheReadersLanguage() async throws {
        let report = CoachingReport(
            driverName: "ana", trackName: "Okayama", car: "MX-5", lapCount: 3, bestLapTime: 92.1,
            corners: [CoachingReport.Corner(number: 5, name: nil, averageTimeDelta: 0.125, advice: nil)])
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, reports: ["ana": report]) { running in
                try await running.waitUntilReady()
                _ = try await running.link("ana")
                try await Self.turkishGuild(running)
                let answer = try await running.invoke(
                    try P.command("coach", id: "25", options: [P.subcommand("report", [P.option("driver", "ana")])], permissions: P.member),
                    id: "25")
                #expect(answer.type == 5)
                #expect(answer.content == "**ana** · Okayama · MX-5 · 3 tur · en iyi 1:32,100\nT5: +0,125 sn", "\(answer.content ?? "")")
            }
        }
    }

    /// Outside a server there is no guild language: the user's Discord language decides.
    @Test func outsideAServerTheUsersDiscordLanguageDecides() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.waitUntilReady()
                var payload = try #require(try JSONSerialization.jsonObject(with: try P.command("lastrace", id: "30")) as? [String: Any])
                payload["guild_id"] = nil
                payload["locale"] = "tr"
                let answer = try await running.invoke(try JSONSerialization.data(withJSONObject: payload), id: "30")
                #expect(answer.content == "Trailbrake komutları bir sunucuda çalışır.")
            }
        }
    }

    @Test func aResultEmbedIsInTheGuildsLanguageAndConventions() async throws {
        let guild = try #require(GuildID(RunningBot.guild))
        let post = SampleResults.post(guild: guild, entries: [SampleResults.entry(77, position: 3)])
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.repository.updateSettings(guildID: RunningBot.guild, resultsChannelID: "600", timeZone: "Europe/Istanbul")
                try await Self.turkishGuild(running)
                try await running.bot.publish(post)
                let payload = try #require(await fake.rest.messages(in: "600").first?.payloadObject)
                let embed = try #require((payload["embeds"] as? [[String: Any]])?.first)
                // 2026-01-01 00:00 UTC is 03:00 in Istanbul, the day first with the Turkish month.
                let description = try #require(embed["description"] as? String)
                #expect(description.contains("1 Oca 2026 03:00") && description.contains("20 başlayan · Alan gücü 1850"), "\(description)")
                let field = try #require((embed["fields"] as? [[String: Any]])?.first)
                #expect(field["name"] as? String == "3. (sınıfta 3.) · Driver 77")
                let value = try #require(field["value"] as? String)
                for expected in ["Tur 14 · Olay 2x", "(+0,11)", "En iyi tur 1:32,457"] {
                    #expect(value.contains(expected), "\(expected) missing from \(value)")
                }
                #expect(!value.contains("Laps") && !value.contains("Best lap"))
            }
        }
    }

    @Test func theLiveFeedIsInTheGuildsLanguage() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, configure: { $0.feedBatchInterval = .milliseconds(100) }) { running in
                try await running.link("ana")
                try await Self.turkishGuild(running)
                try await running.repository.follow(.init(guildID: RunningBot.guild, driverName: "ana", channelID: "700"))
                running.bot.feed.offer(.lapCompleted(LapSummaryEvent(
                    driverName: "ana", sessionID: "s1", trackName: "Okayama", car: "MX-5", lapNumber: 3, lapTime: 95.1, valid: false,
                    deltaToReference: 0.25)))
                try await eventually("line posted") { await !fake.rest.messages(in: "700").isEmpty }
                let text = await fake.rest.messages(in: "700").map { $0.payloadObject["content"] as? String ?? "" }.joined()
                #expect(text == "🏁 **ana** 3. tur, Okayama: 1:35,100 (referansa +0,250 sn) · geçersiz", "\(text)")
            }
        }
    }
}
