import Foundation
import Testing

@testable import Storage

@Suite struct DriverRepositoryTests {
    @Test func tokenAuthenticatesItsDriverOnly() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let drivers = DriverRepository(database: database)
        let alice = try await drivers.createDriver(name: "Alice")
        let bob = try await drivers.createDriver(name: "Bob")
        let aliceToken = try await drivers.createToken(for: alice.id, label: "sim rig")
        let bobToken = try await drivers.createToken(for: bob.id)

        #expect(try await drivers.authenticate(token: aliceToken) == alice)
        #expect(try await drivers.authenticate(token: bobToken) == bob)
        #expect(aliceToken != bobToken)
        var wrong = Array(aliceToken)
        wrong[wrong.count - 1] = wrong.last == "A" ? "B" : "A"
        #expect(try await drivers.authenticate(token: String(wrong)) == nil)
        #expect(try await drivers.authenticate(token: "") == nil)
        #expect(try await drivers.authenticate(token: "tb_") == nil)
        #expect(try await drivers.authenticate(token: String(repeating: "x", count: 10_000)) == nil)
    }

    @Test func tokenHasTheDocumentedShapeAndOnlyItsHashIsStored() async throws {
        let database = try TrailbrakeDatabase.inMemory()
        let drivers = DriverRepository(database: database)
        let driver = try await drivers.createDriver(name: "Hashed")
        let token = try await drivers.createToken(for: driver.id)

        #expect(token.hasPrefix("tb_"))
        let body = token.dropFirst(3)
        // 32 bytes in unpadded base64url are 43 characters of [A-Za-z0-9_-].
        #expect(body.count == 43)
        #expect(body.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })

        let stored = try await database.writer.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM tokens") }
        #expect(stored.count == 1)
        #expect(stored.first?.count == 64)
        #expect(stored.first?.contains(body) == false)
        #expect(stored.first != token)
    }

    @Test func sha256HexMatchesAKnownVector() {
        // FIPS 180-2 test vector for "abc".
        #expect(AccessToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func namesAreUniqueAndValidated() async throws {
        let drivers = DriverRepository(database: try TrailbrakeDatabase.inMemory())
        let first = try await drivers.createDriver(name: "  Nelson ")
        #expect(first.name == "Nelson")
        await #expect(throws: StorageError.duplicateName("Nelson")) { try await drivers.createDriver(name: "Nelson") }
        await #expect(throws: StorageError.self) { try await drivers.createDriver(name: "   ") }
        await #expect(throws: StorageError.self) { try await drivers.createDriver(name: String(repeating: "n", count: 65)) }
        #expect(try await drivers.driverCount() == 1)
        #expect(try await drivers.driver(named: "Nelson") == first)
        #expect(try await drivers.driver(named: "Nobody") == nil)
    }

    @Test func tokenForUnknownDriverIsNotFound() async throws {
        let drivers = DriverRepository(database: try TrailbrakeDatabase.inMemory())
        await #expect(throws: StorageError.notFound("driver 999")) { try await drivers.createToken(for: 999) }
    }
}
