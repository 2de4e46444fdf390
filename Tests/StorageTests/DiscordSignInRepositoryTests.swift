import Foundation
import Testing

@testable import Storage

/// Which driver a Discord account signs in as: the bot's opt-in names it the first time (then
/// kept), several opt-ins name none, a browser links one, and no account is taken over.
@Suite struct DiscordSignInRepositoryTests {
    static let user = "80351110224678912"

    static func database() async throws -> (TrailbrakeDatabase, Driver, Driver) {
        let database = try TrailbrakeDatabase.inMemory()
        let drivers = DriverRepository(database: database)
        return (database, try await drivers.createDriver(name: "alice"), try await drivers.createDriver(name: "bob"))
    }

    static func optIn(_ driver: Driver, guild: String, _ database: TrailbrakeDatabase) async throws {
        let links = DiscordLinkRepository(database: database)
        let code = try await links.createCode(driverID: driver.id, lifetime: .seconds(60))
        _ = try await links.redeem(code: code.code, guildID: guild, userID: user)
    }

    @Test func theBotsOptInNamesTheDriverAndIsKept() async throws {
        let (database, alice, bob) = try await Self.database()
        let repository = DiscordSignInRepository(database: database)
        #expect(try await repository.driver(forDiscordUser: Self.user) == .unknown)
        try await Self.optIn(alice, guild: "1", database)
        #expect(try await repository.driver(forDiscordUser: Self.user) == .driver(alice))
        // Kept: a later opt-in for bob by the same account does not change who signs in.
        try await Self.optIn(bob, guild: "2", database)
        #expect(try await repository.driver(forDiscordUser: Self.user) == .driver(alice))
        #expect(try await repository.link(discordUser: Self.user, driverID: bob.id) == .linkedToAnotherDriver)
    }

    @Test func severalOptInsNameNoneUntilABrowserLinksOne() async throws {
        let (database, alice, bob) = try await Self.database()
        let repository = DiscordSignInRepository(database: database)
        try await Self.optIn(alice, guild: "1", database)
        try await Self.optIn(bob, guild: "2", database)
        #expect(try await repository.driver(forDiscordUser: Self.user) == .ambiguous)
        #expect(try await repository.link(discordUser: Self.user, driverID: bob.id) == .linked)
        #expect(try await repository.link(discordUser: Self.user, driverID: bob.id) == .linked, "again: no change")
        #expect(try await repository.driver(forDiscordUser: Self.user) == .driver(bob))
        #expect(try await repository.link(discordUser: "not-a-snowflake", driverID: bob.id) == .invalidUser)
        #expect(try await repository.driver(forDiscordUser: "'; DROP TABLE drivers; --") == .unknown)
    }

    @Test func signOutEverywhereDeletesEveryOneOfTheDriversSessions() async throws {
        let (database, alice, bob) = try await Self.database()
        let sessions = BrowserSessionRepository(database: database)
        let first = try #require(try await sessions.signIn(driverID: alice.id, lifetime: 600, maximumPerDriver: 5))
        let second = try #require(try await sessions.signIn(driverID: alice.id, lifetime: 600, maximumPerDriver: 5))
        let bobs = try #require(try await sessions.signIn(driverID: bob.id, lifetime: 600, maximumPerDriver: 5))
        #expect(try await sessions.signIn(driverID: 999, lifetime: 600, maximumPerDriver: 5) == nil)
        #expect(try await sessions.signOutEverywhere(driverID: alice.id) == [first.0.id, second.0.id])
        #expect(try await sessions.session(secret: first.secret) == nil)
        #expect(try await sessions.session(secret: second.secret) == nil)
        #expect(try await sessions.session(secret: bobs.secret)?.driver == bob)
    }
}
