import Foundation
import Integration
import Storage
import Testing

@testable import Discord

/// A guild sees a driver only after the driver opted in with a one-time code; until then
/// `/coach report` and `/coach follow` are refused, ephemerally, and the live feed posts nothing.
@Suite(.enabled(if: DiscordFixtures.available), .timeLimit(.minutes(1)))
struct CoachLinkTests {
    typealias P = InteractionPayloads
    static let report = CoachingReport(driverName: "ana", trackName: "Okayama", car: "MX-5", lapCount: 3, bestLapTime: 92.1, corners: [])

    /// The callback the bot sent for interaction `id`: its type, content and flags.
    static func callback(_ running: RunningBot, id: String) async throws -> (type: Int, content: String?, flags: Int?) {
        let path = "interactions/\(id)/interaction-token-\(id)/callback"
        let body = try #require(await running.fake.rest.requests(matching: "POST", path).first?.json)
        let data = body["data"] as? [String: Any]
        return (body["type"] as? Int ?? 0, data?["content"] as? String, data?["flags"] as? Int)
    }

    @Test func aDriverWhoHasNotOptedInIsRefusedEphemerally() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, reports: ["ana": Self.report]) { running in
                try await running.waitUntilReady()
                _ = try await DriverRepository(database: running.database).createDriver(name: "ana")
                let report = P.subcommand("report", [P.option("driver", "ana")])
                _ = try await running.invoke(try P.command("coach", id: "1", options: [report], permissions: P.member), id: "1")
                let refused = try await Self.callback(running, id: "1")
                #expect(refused.type == 4, "answered at once, nothing looked up")
                #expect(refused.flags == MessagePayload.Flag.ephemeral)
                #expect(refused.content?.contains("has not shared their coaching with this server") == true)

                // An admin cannot follow her either, and a driver who does not exist gets the same answer.
                for (id, driver) in [("2", "ana"), ("3", "nobody")] {
                    let follow = P.subcommand("follow", [P.option("driver", driver), P.option("channel", "900", type: 7)])
                    _ = try await running.invoke(try P.command("coach", id: id, options: [follow]), id: id)
                    let answer = try await Self.callback(running, id: id)
                    #expect(answer.flags == MessagePayload.Flag.ephemeral)
                    #expect(answer.content?.contains("\(driver) has not shared their coaching with this server") == true)
                }
                #expect(try await running.repository.allFollows().isEmpty)
                #expect(await fake.rest.requests(matching: "PATCH", "webhooks/").isEmpty, "no report was produced")
            }
        }
    }

    @Test func aOneTimeCodeLinksTheDriverAndUnlinkingWithdrawsIt() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake, reports: ["ana": Self.report]) { running in
                try await running.waitUntilReady()
                let ana = try await DriverRepository(database: running.database).createDriver(name: "ana")
                let code = try await running.repository.links.createCode(driverID: ana.id, lifetime: .seconds(600))

                let wrong = try await running.invoke(
                    try P.command("coach", id: "10", options: [P.subcommand("link", [P.option("code", "0000-0000-0000")])], permissions: P.member),
                    id: "10")
                #expect(wrong.content?.contains("That code does not work") == true)

                let linked = try await running.invoke(
                    try P.command("coach", id: "11", options: [P.subcommand("link", [P.option("code", code.code)])], permissions: P.member, userID: "777"),
                    id: "11")
                #expect(linked.content?.contains("This server can now see **ana**") == true)
                #expect(try await Self.callback(running, id: "11").flags == MessagePayload.Flag.ephemeral)
                let again = try await running.invoke(
                    try P.command("coach", id: "12", options: [P.subcommand("link", [P.option("code", code.code)])]), id: "12")
                #expect(again.content?.contains("That code does not work") == true, "a code works once")

                let report = try await running.invoke(
                    try P.command("coach", id: "13", options: [P.subcommand("report", [P.option("driver", "ana")])], permissions: P.member),
                    id: "13")
                #expect(report.type == 5)
                #expect(report.content?.contains("**ana**") == true)
                _ = try await running.invoke(
                    try P.command("coach", id: "14", options: [P.subcommand("follow", [P.option("driver", "ana"), P.option("channel", "900", type: 7)])]),
                    id: "14")
                #expect(try await running.repository.allFollows().map(\.channelID) == ["900"])

                // Another member without Manage Server may not withdraw it; the one who linked may.
                let unlink = [P.subcommand("unlink", [P.option("driver", "ana")])]
                let stranger = try await running.invoke(try P.command("coach", id: "15", options: unlink, permissions: P.member, userID: "888"), id: "15")
                #expect(stranger.content?.contains("Only the member who linked ana") == true)
                #expect(try await running.repository.links.link(guildID: RunningBot.guild, driverName: "ana") != nil)
                let owner = try await running.invoke(try P.command("coach", id: "16", options: unlink, permissions: P.member, userID: "777"), id: "16")
                #expect(owner.content?.contains("can no longer see ana") == true)
                #expect(try await running.repository.allFollows().isEmpty, "its follows went with it")
                let after = try await running.invoke(
                    try P.command("coach", id: "17", options: [P.subcommand("report", [P.option("driver", "ana")])], permissions: P.member),
                    id: "17")
                #expect(after.content?.contains("has not shared their coaching") == true)
            }
        }
    }

    /// The live feed posts a followed driver only while the driver is linked to that guild;
    /// withdrawing from the CLI (`discord unlink`) stops it at the next batch.
    @Test func theFeedStopsWhenTheDriverWithdraws() async throws {
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.waitUntilReady()
                try await running.link("ana")
                try await running.repository.follow(.init(guildID: RunningBot.guild, driverName: "ana", channelID: "700"))
                let lap = { (driver: String, number: Int) in
                    CoachingFeedEvent.lapCompleted(LapSummaryEvent(
                        driverName: driver, sessionID: "s", trackName: "Okayama", car: "MX-5", lapNumber: number, lapTime: 92.1, valid: true,
                        deltaToReference: 0.2))
                }
                running.bot.feed.offer(lap("ana", 1))
                try await eventually("ana's lap 1 posted") { await fake.rest.messages(in: "700").count == 1 }

                let ana = try #require(try await DriverRepository(database: running.database).driver(named: "ana"))
                try await running.repository.links.unlink(guildID: RunningBot.guild, driverID: ana.id)
                // A follow made again (a stale admin command): still nothing without the link.
                try await running.repository.follow(.init(guildID: RunningBot.guild, driverName: "ana", channelID: "700"))
                try await running.link("bob")
                try await running.repository.follow(.init(guildID: RunningBot.guild, driverName: "bob", channelID: "700"))
                running.bot.feed.offer(lap("ana", 2))
                running.bot.feed.offer(lap("bob", 1))
                try await eventually("bob's lap posted") { await fake.rest.messages(in: "700").count == 2 }
                let second = await fake.rest.messages(in: "700")[1].payloadObject["content"] as? String ?? ""
                #expect(second.contains("bob"))
                #expect(!second.contains("ana"), "ana withdrew: \(second)")
            }
        }
    }
}
