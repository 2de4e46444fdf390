import Foundation
import Integration
import Testing

@testable import Discord

/// Every slash command end to end: INTERACTION_CREATE on the fake gateway → the bot's callback
/// (and follow-up) recorded by the fake REST.
@Suite(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"), .timeLimit(.minutes(1)))
struct SlashCommandTests {
    typealias P = InteractionPayloads

    @Test func commandsAreRegisteredPerGuildWithBulkOverwrite() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.waitUntilReady()
                let put = try #require(await fake.rest.requests(matching: "PUT", "applications/100/guilds/").first?.jsonArray)
                let commands = put.compactMap { $0 as? [String: Any] }
                #expect(commands.compactMap { $0["name"] as? String } == ["setchannel", "track", "untrack", "list", "lastrace", "settz", "coach"])
                // The documented keys only, as in bulk_overwrite_request.json.
                let documented = Set(["name", "type", "description", "options", "default_member_permissions"])
                #expect(commands.allSatisfy { Set($0.keys).isSubset(of: documented) && $0["type"] as? Int == 1 })
                let setChannel = try #require(commands.first { $0["name"] as? String == "setchannel" })
                #expect(setChannel["default_member_permissions"] as? String == "32")
            }
        }
    }

    @Test func setChannelNeedsManageServerAndStoresTheChannel() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.waitUntilReady()
                let options = [P.option("kind", "results"), P.option("channel", "555", type: 7)]
                let refused = try await running.invoke(try P.command("setchannel", id: "1", options: options, permissions: P.member), id: "1")
                #expect(refused.type == 4)
                #expect(refused.content?.contains("Manage Server") == true)
                #expect(try await running.repository.settings(guildID: RunningBot.guild).resultsChannelID == nil)

                let accepted = try await running.invoke(try P.command("setchannel", id: "2", options: options), id: "2")
                #expect(accepted.content?.contains("<#555>") == true)
                #expect(try await running.repository.settings(guildID: RunningBot.guild).resultsChannelID == "555")
                _ = try await running.invoke(try P.command("setchannel", id: "3", options: [P.option("kind", "cues"), P.option("channel", "556", type: 7)]), id: "3")
                let settings = try await running.repository.settings(guildID: RunningBot.guild)
                #expect(settings.cuesChannelID == "556")
                #expect(settings.resultsChannelID == "555")
            }
        }
    }

    @Test func setTimeZoneAcceptsOnlyIANANames() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.waitUntilReady()
                let bad = try await running.invoke(try P.command("settz", id: "10", options: [P.option("zone", "Mars/Olympus")]), id: "10")
                #expect(bad.content?.contains("Unknown time zone") == true)
                #expect(try await running.repository.settings(guildID: RunningBot.guild).timeZone == nil)
                let good = try await running.invoke(try P.command("settz", id: "11", options: [P.option("zone", "Europe/Berlin")]), id: "11")
                #expect(good.content?.contains("Europe/Berlin") == true)
                #expect(try await running.repository.settings(guildID: RunningBot.guild).timeZone == "Europe/Berlin")
            }
        }
    }

    @Test func trackUntrackAndListDeferThenFollowUp() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.waitUntilReady()
                let tracked = try await running.invoke(try P.command("track", id: "20", options: [P.option("member", 123_456, type: 4)]), id: "20")
                #expect(tracked.type == 5)
                #expect(tracked.content == "Tracking iRacing member 123456.")
                let guild = try #require(GuildID(RunningBot.guild))
                #expect(try await running.tracked.trackedDrivers(in: guild).map(\.memberID) == [123_456])

                let list = try await running.invoke(try P.command("list", id: "21"), id: "21")
                #expect(list.content?.contains("123456") == true)

                let untracked = try await running.invoke(try P.command("untrack", id: "22", options: [P.option("member", 123_456, type: 4)]), id: "22")
                #expect(untracked.content == "No longer tracking iRacing member 123456.")
                #expect(try await running.tracked.trackedDrivers(in: guild).isEmpty)

                let invalid = try await running.invoke(try P.command("track", id: "23", options: [P.option("member", -5, type: 4)]), id: "23")
                #expect(invalid.type == 4)
                #expect(invalid.content?.contains("positive number") == true)
            }
        }
    }

    @Test func lastRaceShowsTheStoredResult() async throws {
        let guild = try #require(GuildID(RunningBot.guild))
        let post = SampleResults.post(guild: guild, entries: [SampleResults.entry(77, position: 3)])
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, results: [post]) { running in
                try await running.waitUntilReady()
                let answer = try await running.invoke(try P.command("lastrace", id: "30", options: [P.option("member", 77, type: 4)]), id: "30")
                let content = try #require(answer.content)
                #expect(content.contains("P3"))
                #expect(content.contains("Best lap 1:32.457"))
                let none = try await running.invoke(try P.command("lastrace", id: "31", options: [P.option("member", 78, type: 4)]), id: "31")
                #expect(none.content == "No stored result for iRacing member 78.")
            }
        }
    }

    @Test func coachFollowUnfollowAndReport() async throws {
        let report = CoachingReport(
            driverName: "ana", trackName: "Okayama", car: "MX-5", lapCount: 12, bestLapTime: 92.1,
            corners: [.init(number: 1, averageTimeDelta: 0.05, advice: "brake later"), .init(number: 5, averageTimeDelta: 0.21, advice: "carry speed")])
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, reports: ["ana": report]) { running in
                try await running.waitUntilReady()
                try await running.link("ana")
                let follow = P.subcommand("follow", [P.option("driver", "ana"), P.option("channel", "900", type: 7)])
                let refused = try await running.invoke(try P.command("coach", id: "40", options: [follow], permissions: P.member), id: "40")
                #expect(refused.content?.contains("Manage Server") == true)
                _ = try await running.invoke(try P.command("coach", id: "41", options: [follow]), id: "41")
                #expect(try await running.repository.allFollows().map(\.channelID) == ["900"])

                // Anyone may read a report; the worst corner comes first.
                let reportAnswer = try await running.invoke(
                    try P.command("coach", id: "42", options: [P.subcommand("report", [P.option("driver", "ana")])], permissions: P.member), id: "42")
                let lines = try #require(reportAnswer.content).split(separator: "\n")
                #expect(lines.count == 3)
                #expect(lines[1].hasPrefix("T5"))

                let unfollow = P.subcommand("unfollow", [P.option("driver", "ana")])
                let removed = try await running.invoke(try P.command("coach", id: "43", options: [unfollow]), id: "43")
                #expect(removed.content == "Stopped following ana.")
                #expect(try await running.repository.allFollows().isEmpty)
            }
        }
    }

    @Test func coachReportByDMGoesThroughTheQueue() async throws {
        let report = CoachingReport(driverName: "ana", trackName: "Okayama", car: "MX-5", lapCount: 3, bestLapTime: nil, corners: [])
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, reports: ["ana": report]) { running in
                try await running.waitUntilReady()
                try await running.link("ana")
                let options = [P.subcommand("report", [P.option("driver", "ana"), P.option("dm", true, type: 5)])]
                let answer = try await running.invoke(try P.command("coach", id: "50", options: options, userID: "4242"), id: "50")
                #expect(answer.content == "Report sent to you by DM.")
                try await eventually("DM delivered") { await fake.rest.messages(in: "dm4242").count == 1 }
                try await eventually("DM queue empty") { (try? await running.repository.pendingDirectMessages().isEmpty) == true }
            }
        }
    }
}
