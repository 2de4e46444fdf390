import Foundation
import Testing

@testable import Storage

/// Token lifetimes: expiry, revocation, listing, and the check a running server makes.
@Suite struct TokenRepositoryTests {
    @Test func anExpiredTokenNoLongerAuthenticates() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let driver = try await DriverRepository(database: database).createDriver(name: "Ana")
        let tokens = TokenRepository(database: database)
        let now = Date()
        let issued = try await tokens.issue(for: driver.id, label: "rig", expiresAt: now.addingTimeInterval(60), now: now)
        let grant = try #require(try await tokens.authenticate(token: issued.token, now: now))
        #expect(grant.driver == driver)
        #expect(grant.tokenID == issued.id)
        // Just before and at the expiry.
        #expect(try await tokens.authenticate(token: issued.token, now: now.addingTimeInterval(59)) != nil)
        #expect(try await tokens.authenticate(token: issued.token, now: now.addingTimeInterval(60)) == nil)
        #expect(try await tokens.validTokenIDs(among: [issued.id], now: now.addingTimeInterval(61)).isEmpty)
        await #expect(throws: StorageError.self) { try await tokens.issue(for: driver.id, expiresAt: now, now: now) }
    }

    @Test func aRevokedTokenStopsWorkingAndIsListedAsRevoked() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let drivers = DriverRepository(database: database)
        let ana = try await drivers.createDriver(name: "Ana")
        let bob = try await drivers.createDriver(name: "Bob")
        let tokens = TokenRepository(database: database)
        let rig = try await tokens.issue(for: ana.id, label: "rig")
        let laptop = try await tokens.issue(for: ana.id, label: "laptop")
        let bobs = try await tokens.issue(for: bob.id)

        #expect(try await tokens.revoke(tokenID: rig.id))
        #expect(try await tokens.revoke(tokenID: rig.id) == false, "revoking twice changes nothing")
        await #expect(throws: StorageError.notFound("token 999")) { try await tokens.revoke(tokenID: 999) }
        #expect(try await tokens.authenticate(token: rig.token) == nil)
        #expect(try await drivers.authenticate(token: rig.token) == nil)
        #expect(try await tokens.authenticate(token: laptop.token)?.tokenID == laptop.id, "the driver's other token still works")
        #expect(try await tokens.validTokenIDs(among: [rig.id, laptop.id, bobs.id, 12_345]) == [laptop.id, bobs.id])

        let listed = try await tokens.list()
        #expect(listed.map(\.id) == [rig.id, laptop.id, bobs.id])
        #expect(listed.map { $0.status() } == [.revoked, .active, .active])
        #expect(listed.first?.label == "rig")
        #expect(listed.first?.driverName == "Ana")
        #expect(try await tokens.list(driverID: bob.id).map(\.id) == [bobs.id])

        #expect(try await tokens.revokeAll(driverID: ana.id) == [laptop.id])
        #expect(try await tokens.authenticate(token: laptop.token) == nil)
        #expect(try await tokens.authenticate(token: bobs.token) != nil)
    }

    @Test func theServersCheckAnswersForManyTokensAtOnce() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let driver = try await DriverRepository(database: database).createDriver(name: "Fleet")
        let tokens = TokenRepository(database: database)
        var ids: Set<Int64> = []
        for _ in 0..<(TokenRepository.idsPerQuery + 20) { ids.insert(try await tokens.issue(for: driver.id).id) }
        let revoked = try #require(ids.max())
        try await tokens.revoke(tokenID: revoked)
        // Over one query's worth of ids: every chunk is asked.
        #expect(try await tokens.validTokenIDs(among: ids) == ids.subtracting([revoked]))
        #expect(try await tokens.validTokenIDs(among: []).isEmpty)
    }

    @Test func tokensOfADeletedDriverAreNotValid() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let driver = try await DriverRepository(database: database).createDriver(name: "Gone")
        let tokens = TokenRepository(database: database)
        let issued = try await tokens.issue(for: driver.id)
        try await database.writer.write { db in try db.execute(sql: "DELETE FROM drivers WHERE id = ?", arguments: [driver.id]) }
        #expect(try await tokens.validTokenIDs(among: [issued.id]).isEmpty)
    }
}
