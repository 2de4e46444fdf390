import Foundation
import Storage
import Testing

/// Admin commands: who may use them (the admin role or Manage Server, from the interaction's
/// member), setup and config with their audit entries, force release and assign.
@Suite(.needsLeagueData, .timeLimit(.minutes(2)))
struct LeagueAdminCommandTests {
    typealias I = LeagueInteraction
    static let manager = InteractionPayloads.admin

    @Test func membersAreRefusedAndTheAdminRoleIsEnough() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp(adminRole: LeagueUsers.adminRole)
                try await league.send(I(name: "claim", options: [I.option("number", "7")]))
                let adminOnly: [I] = [
                    I(name: "forcerelease", options: [I.option("number", "7")]),
                    I(name: "assign", options: [I.option("number", "9"), I.user(LeagueUsers.cem)]), I(name: "sync"), I(name: "syncstatus"),
                    I(name: "export"), I(name: "auditlog"), I(name: "config", options: [I.subcommand("show")]),
                ]
                for command in adminOnly {
                    var member = command
                    member.user = LeagueUsers.ben
                    member.roles = ["111111111111111111"]
                    let refused = try await league.send(member)
                    #expect(refused.type == 4 && refused.flags == 64)
                    #expect(
                        refused.content
                            == "/\(command.name) is for league admins: members with the admin role set in /setup, or with Manage Server.")
                }
                #expect(try await league.repository.claims(guildID: LeagueHarness.guild).map(\.userID) == [LeagueUsers.ana])
                let roles = [LeagueUsers.adminRole]
                let setup = try await league.send(
                    I(name: "setup", options: [I.integer("from", 1), I.integer("to", 9)], user: LeagueUsers.ben, roles: roles))
                #expect(setup.content == "/setup needs the Manage Server permission.")

                // The admin role without Manage Server may release and assign, not move the admin role.
                let released = try await league.send(
                    I(name: "forcerelease", options: [I.option("number", "7")], user: LeagueUsers.ben, roles: roles))
                #expect(released.content == "Released **#7** (it was held by <@\(LeagueUsers.ana)>).")
                let newRole = I.subcommand("adminrole", [I.option("admin_role", "222222222222222222", type: 8)])
                let moved = try await league.send(I(name: "config", options: [newRole], user: LeagueUsers.ben, roles: roles))
                #expect(moved.content == "/config needs the Manage Server permission.")
                #expect(try await league.repository.settings(guildID: LeagueHarness.guild)?.adminRoleID == LeagueUsers.adminRole)
                let assigned = try await league.send(
                    I(name: "assign", options: [I.option("number", "9"), I.user(LeagueUsers.cem)], user: LeagueUsers.ben, roles: roles))
                #expect(assigned.content == "**#9** is now held by <@\(LeagueUsers.cem)>.")
                try await eventually("announcements") { await league.announcements().count == 3 }
                #expect(await league.announcements().suffix(2) == [
                    "<@\(LeagueUsers.ben)> released **#7** (held by <@\(LeagueUsers.ana)>).",
                    "<@\(LeagueUsers.ben)> gave **#9** to <@\(LeagueUsers.cem)>.",
                ])
            }
        }
    }

    @Test func setupThenConfigChangesEverySettingWithChecks() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                let setup = try await league.send(I(name: "setup", options: [
                    I.option("from", 1, type: 4), I.option("to", 99, type: 4), I.option("league_id", 7_058, type: 4),
                    I.option("admin_role", LeagueUsers.adminRole, type: 8), I.option("channel", LeagueHarness.channel, type: 7),
                    I.option("language", "tr"),
                ], user: LeagueUsers.admin, permissions: Self.manager))
                #expect(setup.content.hasPrefix("Lig numaraları kuruldu."), "the reply is in the language just chosen")
                #expect(setup.content.contains("Numaralar: 1–99"))
                #expect(setup.content.contains("Yönetici rolü: <@&\(LeagueUsers.adminRole)>"))
                var settings = try #require(try await league.repository.settings(guildID: LeagueHarness.guild))
                #expect(settings.leagueID == 7_058 && settings.announceChannelID == LeagueHarness.channel && settings.language == .turkish)

                func config(_ sub: String, _ options: [[String: any Sendable]] = []) async throws -> String {
                    try await league.send(I.admin("config", [I.subcommand(sub, options)])).content
                }
                #expect(try await config("language", [I.option("value", "en")]) == "Language: Türkçe → English")
                #expect(try await config("range", [I.option("from", 50, type: 4), I.option("to", 10, type: 4)]).contains("FROM not above TO"))
                #expect(try await config("perperson", [I.option("count", 99, type: 4)]) == "Numbers per member must be between 1 and 5.")
                #expect(try await config("perperson", [I.option("count", 6, type: 4)]) == "Numbers per member must be between 1 and 5.")
                #expect(try await config("perperson", [I.option("count", 5, type: 4)]) == "Numbers per member: 1 → 5")
                #expect(try await config("perperson", [I.option("count", 1, type: 4)]) == "Numbers per member: 5 → 1")
                #expect(try await config("perperson", [I.option("count", 2, type: 4)]) == "Numbers per member: 1 → 2")
                #expect(try await config("syncinterval", [I.option("minutes", 14, type: 4)]).contains("0 (no schedule) or 15 to 10080"))
                #expect(try await config("syncinterval", [I.option("minutes", 10_081, type: 4)]).contains("0 (no schedule) or 15 to 10080"))
                #expect(
                    try await config("syncinterval", [I.option("minutes", 15, type: 4)])
                        == "Scheduled sync: every 360 min (server default) → every 15 min")
                #expect(try await config("syncinterval", [I.option("minutes", 5, type: 4)]).contains("0 (no schedule) or 15 to 10080"))
                #expect(try await config("syncinterval", [I.option("minutes", 0, type: 4)]) == "Scheduled sync: every 15 min → off")
                let everyone = I.option("admin_role", LeagueHarness.guild, type: 8)
                #expect(try await config("adminrole", [everyone]) == "@everyone cannot be the admin role.")
                #expect(try await config("adminrole") == "Admin role: <@&\(LeagueUsers.adminRole)> → none")
                #expect(try await config("channel", [I.option("channel", "not-a-channel", type: 7)]) == "Choose a text channel of this server.")
                #expect(try await config("league", [I.option("league_id", 0, type: 4)]) == "iRacing league: 7058 → none")
                #expect(try await config("league", [I.option("league_id", 0, type: 4)]) == "Nothing changed.")
                try await league.send(I(name: "claim", options: [I.option("number", "60")]))
                let narrowed = try await config("range", [I.option("from", 1, type: 4), I.option("to", 50, type: 4)])
                #expect(narrowed == "Numbers: 1–99 → 1–50\n1 held number(s) are now outside the range; they stay held until released.")
                let shown = try await config("show")
                #expect(shown.contains("Numbers per member: 2") && shown.contains("Scheduled sync: off") && shown.contains("iRacing league: none"))
                settings = try #require(try await league.repository.settings(guildID: LeagueHarness.guild))
                #expect(settings.range == 1...50 && settings.maxPerMember == 2 && settings.syncIntervalMinutes == 0 && settings.adminRoleID == nil)
                let fields = try await league.repository.auditLog(guildID: LeagueHarness.guild, limit: 50)
                    .filter { $0.action == .config }.compactMap(\.field)
                #expect(fields == [
                    "range", "league_id", "admin_role", "channel", "language", "language", "max_per_member", "max_per_member", "max_per_member",
                    "sync_interval_minutes", "sync_interval_minutes", "admin_role", "league_id", "range",
                ])
            }
        }
    }

    @Test func assignRespectsTheRangeAndNeverTakesAHeldNumber() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp()
                try await league.send(I(name: "claim", options: [I.option("number", "7")]))
                func assign(_ number: String, to user: any Sendable) async throws -> String {
                    try await league.send(I.admin("assign", [I.option("number", number), I.user(user)])).content
                }
                #expect(try await assign("7", to: LeagueUsers.ben) == "**#7** is held by <@\(LeagueUsers.ana)>: release it with /forcerelease first.")
                #expect(try await assign("100", to: LeagueUsers.ben).contains("outside"))
                #expect(try await assign("8", to: "@everyone") == "Choose a member of this server.")
                // The per-member limit is the admin's to overrule.
                #expect(try await assign("8", to: LeagueUsers.ana) == "**#8** is now held by <@\(LeagueUsers.ana)>.")
                #expect(try await assign("8", to: LeagueUsers.ana) == "<@\(LeagueUsers.ana)> already holds **#8**.")
                #expect(try await league.repository.claims(guildID: LeagueHarness.guild).map(\.number.text) == ["7", "8"])
            }
        }
    }
}
