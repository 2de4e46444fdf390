import Foundation
import Storage
import Testing

@testable import Discord

/// `/export` (a CSV attachment through a multipart edit) and `/auditlog` (every change in order).
@Suite(.needsLeagueData, .timeLimit(.minutes(2)))
struct LeagueExportAndAuditTests {
    typealias I = LeagueInteraction
    static let manager = InteractionPayloads.admin

    @Test func exportIsACSVTableWithOneRowPerNumber() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp(range: 0...999)
                try await league.repository.apply([.leadingZeros(true), .maxPerMember(2)], guildID: LeagueHarness.guild, actorID: LeagueUsers.admin)
                let people: [(String, String, String)] = [
                    ("7", LeagueUsers.ana, "Silva, Ana \"The Rocket\""), ("007", LeagueUsers.ben, "=HYPERLINK(\"http://x\")"),
                    ("42", LeagueUsers.cem, "Cem\r\nYılmaz"),
                ]
                for (number, user, name) in people {
                    let reply = try await league.send(I(name: "claim", options: [I.option("number", number)], user: user, username: name))
                    #expect(reply.content == "**#\(number)** is yours.")
                }
                let export = try await league.send(I(name: "export", user: LeagueUsers.admin, permissions: Self.manager))
                #expect(export.type == 5)
                #expect(export.content == "The roster as CSV: 3 number(s).")
                #expect(export.contentType?.hasPrefix("multipart/form-data; boundary=") == true)
                let file = try #require(export.files.first)
                #expect(export.files.count == 1)
                #expect(file.name == "files[0]" && file.filename == "league-numbers.csv")
                #expect(file.contentType == "text/csv; charset=utf-8")
                let text = try #require(String(data: file.body, encoding: .utf8))
                let table = try #require(CSVTable.parse(text), "the export is RFC 4180 CSV")
                #expect(table.first == [
                    "number", "discord_user_id", "discord_username", "iracing_member_id", "iracing_name", "sync_state", "iracing_number",
                    "claimed_at", "assigned_by", "checked_at",
                ])
                #expect(table.dropFirst().map(\.count) == [10, 10, 10])
                #expect(table.dropFirst().map { $0[0] } == ["7", "007", "42"], "numbers exactly as held, leading zeros kept")
                #expect(table[1][2] == "Silva, Ana \"The Rocket\"")
                #expect(table[2][2] == "'=HYPERLINK(\"http://x\")", "a formula is neutralised")
                #expect(table[3][2] == "Cem Yılmaz", "line breaks in names are dropped before they are stored")
                #expect(table.dropFirst().allSatisfy { $0[5] == "unchecked" })
                #expect(text.contains("\"Silva, Ana \"\"The Rocket\"\"\""), "quotes doubled inside a quoted field")
            }
        }
    }

    @Test func anEmptyRosterExportsTheHeaderOnly() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                try await league.setUp()
                let export = try await league.send(I(name: "export", user: LeagueUsers.admin, permissions: Self.manager))
                #expect(export.content == "No numbers are held; the file has the header row only.")
                let file = try #require(export.files.first)
                let table = try #require(CSVTable.parse(String(decoding: file.body, as: UTF8.self)))
                #expect(table.count == 1)
            }
        }
    }

    /// A scripted sequence of changes; `/auditlog` lists each, in order, and nothing else.
    @Test func theAuditLogListsEveryChangeInOrder() async throws {
        try await FakeDiscord.with { fake in
            try await LeagueHarness.with(fake) { league in
                let admin = { (name: String, options: [[String: any Sendable]]) in
                    I(name: name, options: options, user: LeagueUsers.admin, permissions: Self.manager)
                }
                try await league.send(admin("setup", [I.option("from", 1, type: 4), I.option("to", 50, type: 4)]))
                try await league.send(I(name: "claim", options: [I.option("number", "7")]))
                try await league.send(I(name: "claim", options: [I.option("number", "8")], user: LeagueUsers.ben))
                try await league.send(I(name: "claim", options: [I.option("number", "8")], user: LeagueUsers.cem))  // refused: no change
                try await league.send(I(name: "release", options: [I.option("number", "7")]))
                try await league.send(admin("assign", [I.option("number", "12"), I.option("user", LeagueUsers.cem, type: 6)]))
                try await league.send(admin("forcerelease", [I.option("number", "8")]))
                try await league.send(admin("config", [I.subcommand("perperson", [I.option("count", 3, type: 4)])]))
                try await league.send(I(name: "link", options: [I.option("iracing_id", 123_456, type: 4)]))
                let log = try await league.send(admin("auditlog", []))
                let lines = log.content.split(separator: "\n").map(String.init)
                #expect(lines.first == "Audit log, the last 8 change(s), oldest first:")
                let sentences = lines.dropFirst().map { $0.components(separatedBy: " · ").dropFirst().joined(separator: " · ") }
                let (admin_, ana, ben, cem) = ("<@\(LeagueUsers.admin)>", "<@\(LeagueUsers.ana)>", "<@\(LeagueUsers.ben)>", "<@\(LeagueUsers.cem)>")
                #expect(sentences == [
                    "\(admin_) changed range: none → 1-50",
                    "\(ana) claimed **#7**",
                    "\(ben) claimed **#8**",
                    "\(ana) released **#7**",
                    "\(admin_) gave **#12** to \(cem)",
                    "\(admin_) force-released **#8** from \(ben)",
                    "\(admin_) changed max\\_per\\_member: 1 → 3",
                    "\(ana) linked \(ana) to iRacing member 123456 (before: none)",
                ])
                // Filtered by member: only what Ben did or what was done to him.
                let benLog = try await league.send(admin("auditlog", [I.option("user", LeagueUsers.ben, type: 6), I.option("limit", 10, type: 4)]))
                #expect(benLog.content.split(separator: "\n").count == 3)
                for limit in [0, 51, 5_000] {
                    let refused = try await league.send(admin("auditlog", [I.option("limit", limit, type: 4)]))
                    #expect(refused.content == "LIMIT must be between 1 and 50.")
                }
                let newest = try await league.send(admin("auditlog", [I.option("limit", 1, type: 4)]))
                #expect(newest.content.hasSuffix("to iRacing member 123456 (before: none)"))
                #expect(try await league.send(admin("auditlog", [I.option("limit", 50, type: 4)])).content == log.content)
                // Nothing in Discord edits or deletes it: no command does, and the table refuses it.
                #expect(!LeagueCommandDefinitions.names.contains { $0.contains("delete") || $0.contains("edit") || $0.contains("clear") })
            }
        }
    }
}
