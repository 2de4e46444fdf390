import Foundation
import Testing

@testable import Storage

/// A driver's opt-in for a Discord guild: one-time codes, stored hashed, that expire.
@Suite struct DiscordLinkRepositoryTests {
    static let guild = "290926798626357999"

    @Test func aCodeLinksItsDriverOnceAndIsStoredOnlyAsAHash() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let ana = try await DriverRepository(database: database).createDriver(name: "ana")
        let links = DiscordLinkRepository(database: database)
        let code = try await links.createCode(driverID: ana.id, lifetime: .seconds(600))
        #expect(code.code.count == 14)
        #expect(code.code.split(separator: "-").map(\.count) == [4, 4, 4])

        let stored = try await database.writer.read { db in try String.fetchAll(db, sql: "SELECT code_hash FROM discord_link_codes") }
        #expect(stored.count == 1)
        #expect(stored.first?.count == 64)
        #expect(stored.first?.contains(code.code.replacingOccurrences(of: "-", with: "")) == false)

        #expect(try await links.link(guildID: Self.guild, driverName: "ana") == nil)
        // Typed in lower case, without dashes, with spaces: still the code.
        let typed = code.code.lowercased().replacingOccurrences(of: "-", with: " ")
        let link = try #require(try await links.redeem(code: typed, guildID: Self.guild, userID: "42"))
        #expect(link.driverName == "ana")
        #expect(link.linkedByUserID == "42")
        #expect(try await links.link(guildID: Self.guild, driverName: "ana")?.driverID == ana.id)
        #expect(try await links.link(guildID: "1", driverName: "ana") == nil, "another guild still cannot see her")
        #expect(try await links.redeem(code: code.code, guildID: "1", userID: "43") == nil, "a code works once")
        #expect(try await links.links(driverID: ana.id).map(\.guildID) == [Self.guild])
    }

    @Test func expiredWrongAndMalformedCodesAreRefused() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let ana = try await DriverRepository(database: database).createDriver(name: "ana")
        let links = DiscordLinkRepository(database: database)
        let now = Date()
        let code = try await links.createCode(driverID: ana.id, lifetime: .seconds(60), now: now)
        #expect(try await links.redeem(code: code.code, guildID: Self.guild, userID: "1", now: now.addingTimeInterval(60)) == nil)
        for garbage in ["", "0000-0000-0000", String(repeating: "A", count: 10_000), "ÄÄÄÄ-ÄÄÄÄ-ÄÄÄÄ", "UUUU-UUUU-UUUU"] {
            #expect(try await links.redeem(code: garbage, guildID: Self.guild, userID: "1") == nil)
        }
        await #expect(throws: StorageError.self) { try await links.createCode(driverID: 999, lifetime: .seconds(60)) }
        await #expect(throws: StorageError.self) { try await links.createCode(driverID: ana.id, lifetime: .zero) }
        // Expired codes are cleaned up when the next code is made.
        _ = try await links.createCode(driverID: ana.id, lifetime: .seconds(60), now: now.addingTimeInterval(120))
        #expect(try await database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM discord_link_codes") } == 1)
    }

    @Test func lettersThatLookLikeDigitsReadAsDigits() {
        #expect(DiscordLinkCodeFormat.normalise("olio-1111-2222") == "011011112222")
        #expect(DiscordLinkCodeFormat.normalise("0110-1111-222") == nil)
    }

    @Test func unlinkingRemovesTheGuildsFollowsOfThatDriverOnly() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let drivers = DriverRepository(database: database)
        let ana = try await drivers.createDriver(name: "ana")
        let bob = try await drivers.createDriver(name: "bob")
        let links = DiscordLinkRepository(database: database)
        let discord = DiscordRepository(database: database)
        for driver in [ana, bob] {
            let code = try await links.createCode(driverID: driver.id, lifetime: .seconds(60))
            _ = try await links.redeem(code: code.code, guildID: Self.guild, userID: "7")
            try await discord.follow(DiscordFollow(guildID: Self.guild, driverName: driver.name, channelID: "900"))
        }
        // A follow of a driver who never linked this guild is kept in the table but never used.
        try await discord.follow(DiscordFollow(guildID: "555", driverName: "ana", channelID: "901"))
        #expect(try await discord.allFollows().map(\.driverName) == ["ana", "bob"])

        #expect(try await links.unlink(guildID: Self.guild, driverID: ana.id))
        #expect(try await links.unlink(guildID: Self.guild, driverID: ana.id) == false)
        #expect(try await discord.allFollows().map(\.driverName) == ["bob"])
        #expect(try await links.link(guildID: Self.guild, driverName: "ana") == nil)
    }
}
