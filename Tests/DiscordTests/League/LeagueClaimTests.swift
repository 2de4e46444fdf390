import Foundation
import Storage
import Testing

/// Member commands end to end: INTERACTION_CREATE on the fake gateway → the bot's command
/// handler → SQLite → the callback (and announcement) recorded by the fake REST.
@Suite(.needsLeagueData, .timeLimit(.minutes(2)))
struct LeagueClaimTests {
    typealias I = LeagueInteraction

    @Test func claimReleaseAndAnnouncementsOfOneMember() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp()
                let claimed = try await league.send(I(name: "claim", options: [I.option("number", "7")]))
                #expect(claimed.type == 4)
                #expect(claimed.flags == 64, "replies are ephemeral")
                #expect(claimed.content == "**#7** is yours.")
                #expect(claimed.allowedMentionsParse == [])
                let holder = try await league.repository.claim(#require(CarNumber("7")), guildID: LeagueHarness.guild)
                #expect(holder?.userID == LeagueUsers.ana)
                #expect(holder?.userName == "ana")

                // One number per member unless the admin allows more.
                let second = try await league.send(I(name: "claim", options: [I.option("number", "8")]))
                #expect(second.content.contains("You already hold **#7**; this league allows 1 per member"))
                let mine = try await league.send(I(name: "mynumbers"))
                #expect(mine.content.contains("**#7**"))
                #expect(mine.content.contains("/link"))

                let taken = try await league.send(I(name: "claim", options: [I.option("number", "7")], user: LeagueUsers.ben))
                #expect(taken.content == "**#7** is taken by <@\(LeagueUsers.ana)>.")
                let notYours = try await league.send(I(name: "release", options: [I.option("number", "7")], user: LeagueUsers.ben))
                #expect(notYours.content.contains("only an admin can release it"))

                let check = try await league.send(I(name: "check", options: [I.option("number", "7")], user: LeagueUsers.ben))
                #expect(check.content == "**#7** is held by <@\(LeagueUsers.ana)> (not checked yet).")
                let released = try await league.send(I(name: "release", options: [I.option("number", "7")]))
                #expect(released.content == "You released **#7**.")
                #expect(try await league.repository.claims(guildID: LeagueHarness.guild).isEmpty)

                try await eventually("two announcements") { await league.announcements().count == 2 }
                #expect(await league.announcements() == ["<@\(LeagueUsers.ana)> claimed **#7**.", "<@\(LeagueUsers.ana)> released **#7**."])
                // Announcements never ping: every post carries allowed_mentions with nothing to parse.
                for message in await fake.rest.messages(in: LeagueHarness.channel) {
                    #expect((message.payloadObject["allowed_mentions"] as? [String: Any])?["parse"] as? [String] == [])
                }
            }
        }
    }

    @Test func hostileNumbersAreRefusedWithoutStoringAnything() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp(range: 1...99)
                let huge = String(repeating: "9", count: 6_000)
                let typed = ["abc", "1234", "-1", "+7", "7.0", "1e2", " ", "٧", "７", "@everyone", "<@\(LeagueUsers.ben)>", huge, "{user}"]
                for text in typed {
                    let reply = try await league.send(I(name: "claim", options: [I.option("number", text)]))
                    #expect(reply.content.contains("is not a car number"), "\(text.prefix(20)): \(reply.content.prefix(80))")
                    #expect(reply.content.utf16.count < 200, "the echo of what was typed is cut short")
                    #expect(!reply.content.contains("<@\(LeagueUsers.ben)>"), "a typed mention is escaped")
                    #expect(!reply.content.contains("<@\(LeagueUsers.ana)>"), "a typed placeholder is not filled")
                }
                // An integer where a string is registered (a forged payload) is read as its digits.
                let forged = try await league.send(I(name: "claim", options: [I.option("number", 42, type: 4)]))
                #expect(forged.content == "**#42** is yours.")
                let outside = try await league.send(I(name: "claim", options: [I.option("number", "100")], user: LeagueUsers.ben))
                #expect(outside.content == "**#100** is outside this league's numbers (1–99).")
                let zero = try await league.send(I(name: "claim", options: [I.option("number", "0")], user: LeagueUsers.ben))
                #expect(zero.content.contains("outside"))
                #expect(try await league.repository.claims(guildID: LeagueHarness.guild).map(\.number.text) == ["42"])
            }
        }
    }

    /// Leading zeros are numbers of their own: off by default ("07" refused, pointing at "7"),
    /// on by `/config leadingzeros`, when "7", "07" and "007" are three numbers.
    @Test func leadingZerosAreNumbersOfTheirOwn() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp(range: 0...999)
                let refused = try await league.send(I(name: "claim", options: [I.option("number", "07")]))
                #expect(refused.content.contains("**#07** has a leading zero"))
                #expect(refused.content.contains("claim **#7** instead"))
                let admin = I.admin("config", [I.subcommand("leadingzeros", [I.option("allow", true, type: 5)])])
                let on = try await league.send(admin)
                #expect(on.content.contains("off → on"))
                try await league.repository.apply([.maxPerMember(3)], guildID: LeagueHarness.guild, actorID: LeagueUsers.admin)
                for (text, user) in [("7", LeagueUsers.ana), ("07", LeagueUsers.ben), ("007", LeagueUsers.cem)] {
                    let reply = try await league.send(I(name: "claim", options: [I.option("number", text)], user: user))
                    #expect(reply.content == "**#\(text)** is yours.")
                }
                #expect(try await league.repository.claims(guildID: LeagueHarness.guild).map(\.number.text) == ["7", "07", "007"])
                let free = try await league.send(I(name: "available", options: [I.option("from", 5, type: 4), I.option("to", 9, type: 4)]))
                #expect(free.content.contains("5–6, 8–9"))
                #expect(free.content.contains("leading zeros"))
            }
        }
    }

    @Test func availableListsFreeNumbersAsRanges() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp(range: 1...20)
                for (number, user) in [("3", LeagueUsers.ana), ("4", LeagueUsers.ben), ("10", LeagueUsers.cem)] {
                    try await league.send(I(name: "claim", options: [I.option("number", number)], user: user))
                }
                let all = try await league.send(I(name: "available"))
                #expect(all.content == "Free numbers from 1 to 20:\n1–2, 5–9, 11–20")
                let bad = try await league.send(I(name: "available", options: [I.option("from", 15, type: 4), I.option("to", 2, type: 4)]))
                #expect(bad.content.contains("FROM not above TO"))
                let outside = try await league.send(I(name: "available", options: [I.option("from", 0, type: 4), I.option("to", 500, type: 4)]))
                #expect(outside.content.contains("(1–20)"))
            }
        }
    }

    @Test func commandsBeforeSetupSayWhatToDo() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                let reply = try await league.send(I(name: "claim", options: [I.option("number", "7")]))
                #expect(reply.content.contains("/setup first"))
                let help = try await league.send(I(name: "help"))
                #expect(help.content.contains("/claim NUMBER"))
                #expect(!help.content.contains("/forcerelease"), "members see the member commands only")
                let adminHelp = try await league.send(I(name: "help", permissions: InteractionPayloads.admin))
                #expect(adminHelp.content.contains("/forcerelease"))
            }
        }
    }

    @Test func guildsNeverSeeEachOthersNumbers() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp()
                try await league.setUp(guild: LeagueHarness.otherGuild, channel: nil)
                try await league.send(I(name: "claim", options: [I.option("number", "7")]))
                let other = try await league.send(I.claim("7", by: LeagueUsers.ben, guild: LeagueHarness.otherGuild))
                #expect(other.content == "**#7** is yours.")
                let roster = try await league.send(I(name: "roster", guild: LeagueHarness.otherGuild))
                #expect(roster.content.contains("<@\(LeagueUsers.ben)>"))
                #expect(!roster.content.contains("<@\(LeagueUsers.ana)>"))
                let log = try await league.repository.auditLog(guildID: LeagueHarness.otherGuild, limit: 50)
                #expect(log.allSatisfy { $0.guildID == LeagueHarness.otherGuild })
                #expect(log.filter { $0.action == .claim }.map(\.subjectID) == [LeagueUsers.ben])
            }
        }
    }
}
