import Foundation
import Testing

@testable import Storage

/// The league-numbers store: the constraint that decides simultaneous claims, the audit log that
/// only grows, guilds kept apart, and what a sync records and announces.
@Suite struct LeagueRepositoryTests {
    static let guild = "290926798626357999"
    static let other = "390926798626357111"

    private func repository(_ fixture: StorageFixture) async throws -> LeagueRepository {
        let repository = LeagueRepository(database: fixture.database)
        for guild in [Self.guild, Self.other] {
            try await repository.apply([.maxPerMember(1)], guildID: guild, actorID: "1", creatingWith: 0...999)
        }
        return repository
    }

    @Test func manySimultaneousClaimsOfOneNumberLeaveOneHolder() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = try await repository(fixture)
        let number = try #require(CarNumber("44"))
        let outcomes = try await withThrowingTaskGroup(of: LeagueClaimOutcome.self) { group in
            for user in 0..<50 {
                group.addTask {
                    try await repository.claim(number, guildID: Self.guild, userID: "u\(user)", userName: nil, maxPerMember: 1, actorID: "u\(user)")
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { $0 == .claimed }.count == 1)
        let holder = try #require(try await repository.claim(number, guildID: Self.guild)?.userID)
        #expect(outcomes.filter { $0 == .takenBy(userID: holder) }.count == 49)
        #expect(try await repository.auditLog(guildID: Self.guild, limit: 100).filter { $0.action == .claim }.count == 1)
    }

    /// The database itself refuses a second holder and a malformed number, whatever the code does.
    @Test func theSchemaRefusesASecondHolderAndMalformedNumbers() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        _ = try await repository(fixture)
        let insert = "INSERT INTO league_claims (guild_id, number, user_id, claimed_at) VALUES (?, ?, ?, ?)"
        try await fixture.database.writer.write { db in try db.execute(sql: insert, arguments: [Self.guild, "7", "a", Date()]) }
        for (number, user) in [("7", "b"), ("7a", "c"), ("1234", "d"), ("", "e"), ("-1", "f")] {
            await #expect(throws: (any Error).self, "\(number)") {
                try await fixture.database.writer.write { db in try db.execute(sql: insert, arguments: [Self.guild, number, user, Date()]) }
            }
        }
        // "07" is another number than "7"; another guild's "7" is its own.
        try await fixture.database.writer.write { db in try db.execute(sql: insert, arguments: [Self.guild, "07", "b", Date()]) }
        try await fixture.database.writer.write { db in try db.execute(sql: insert, arguments: [Self.other, "7", "b", Date()]) }
    }

    @Test func theAuditLogRefusesUpdatesAndDeletes() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = try await repository(fixture)
        _ = try await repository.claim(#require(CarNumber("5")), guildID: Self.guild, userID: "u", userName: nil, maxPerMember: 1, actorID: "u")
        let before = try await repository.auditLog(guildID: Self.guild, limit: 100)
        let edits = ["UPDATE league_audit_log SET actor_id = 'x'", "DELETE FROM league_audit_log", "UPDATE league_audit_log SET after = NULL WHERE id = 1"]
        for sql in edits {
            await #expect(throws: (any Error).self, "\(sql)") {
                try await fixture.database.writer.write { db in try db.execute(sql: sql) }
            }
        }
        #expect(try await repository.auditLog(guildID: Self.guild, limit: 100) == before)
    }

    @Test func settingChangesAreAuditedWithBeforeAndAfter() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = try await repository(fixture)
        try await repository.apply([.range(1...50), .language(.turkish), .league(7_058)], guildID: Self.guild, actorID: "admin")
        // Setting a value it already has changes nothing and writes nothing.
        try await repository.apply([.range(1...50)], guildID: Self.guild, actorID: "admin")
        let config = try await repository.auditLog(guildID: Self.guild, limit: 100).filter { $0.actorID == "admin" }
        let changes = config.map { "\($0.field ?? ""):\($0.before ?? "-")>\($0.after ?? "-")" }
        #expect(changes == ["range:0-999>1-50", "language:en>tr", "league_id:->7058"])
        let settings = try #require(try await repository.settings(guildID: Self.guild))
        #expect(settings.language == .turkish)
        #expect(try await repository.settings(guildID: Self.other)?.language == .english)
        await #expect(throws: StorageError.self) {
            try await repository.apply([.maxPerMember(2)], guildID: "123", actorID: "admin")
        }
    }

    /// A sync marks each claim, audits what changed and leaves each difference to be announced
    /// once: recorded as posted, it is not offered again until it changes.
    @Test func syncStatesAndAnnouncementsAreRecordedOnce() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = try await repository(fixture)
        for (number, user, member) in [("7", "ana", 1), ("8", "ben", 2), ("9", "cem", 3), ("10", "dan", nil as Int?)] {
            let carNumber = try #require(CarNumber(number))
            _ = try await repository.claim(carNumber, guildID: Self.guild, userID: user, userName: nil, maxPerMember: 1, actorID: user)
            if let member { _ = try await repository.link(userID: user, to: member, guildID: Self.guild, iracingName: nil, verified: false) }
        }
        let roster = [
            LeagueRosterRow(memberID: 1, displayName: "Ana", carNumber: "7"), LeagueRosterRow(memberID: 2, displayName: "Ben", carNumber: "08"),
        ]
        let first = try await repository.recordSync(guildID: Self.guild, roster: roster, actorID: nil)
        #expect(first.checks.map(\.state) == [.synced, .different, .missing, .unlinked])
        #expect(first.checks[1].iracingNumber == "08")
        let differences = try await repository.unannouncedDifferences(guildID: Self.guild)
        #expect(differences.map(\.number.text) == ["8", "9"])
        try await repository.markAnnounced(differences, guildID: Self.guild)
        let second = try await repository.recordSync(guildID: Self.guild, roster: roster, actorID: nil)
        #expect(second.changed.isEmpty)
        #expect(try await repository.unannouncedDifferences(guildID: Self.guild).isEmpty)
        // Ben's iRacing number changes again: a new difference, announced anew.
        let changed = [roster[0], LeagueRosterRow(memberID: 2, displayName: "Ben", carNumber: "88")]
        _ = try await repository.recordSync(guildID: Self.guild, roster: changed, actorID: "admin")
        #expect(try await repository.unannouncedDifferences(guildID: Self.guild).map(\.iracingNumber) == ["88"])
        let sync = try await repository.auditLog(guildID: Self.guild, limit: 100).filter { $0.action == .sync }
        #expect(sync.map { "\($0.number ?? ""):\($0.before ?? ""):\($0.after ?? "")" } == [
            "7:unchecked:synced", "8:unchecked:different:08", "9:unchecked:missing", "10:unchecked:unlinked", "8:different:08:different:88",
        ])
        #expect(try await repository.links(guildID: Self.guild).map(\.verified) == [true, true, false])
        #expect(try await repository.claims(guildID: Self.other).isEmpty)
    }

    @Test func carNumbersKeepLeadingZeros() throws {
        let seven = try #require(CarNumber("7"))
        let zeroSeven = try #require(CarNumber("07"))
        let doubleZeroSeven = try #require(CarNumber("007"))
        #expect(seven != zeroSeven && zeroSeven != doubleZeroSeven)
        #expect([doubleZeroSeven, CarNumber("8")!, seven, zeroSeven].sorted().map(\.text) == ["7", "07", "007", "8"])
        #expect(doubleZeroSeven.hasLeadingZero && !seven.hasLeadingZero && !(CarNumber("0")!.hasLeadingZero))
        #expect(doubleZeroSeven.withoutLeadingZeros == seven)
        for bad in ["", "1234", "-1", "+1", " 7", "7 ", "٧", "７", "1.5", "x"] { #expect(CarNumber(bad) == nil, "\(bad)") }
    }
}
