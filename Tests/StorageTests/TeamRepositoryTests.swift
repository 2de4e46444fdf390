import Foundation
import GRDB
import Testing

@testable import Storage

/// The team store: every bound refused at its edge and not before, the role mapping and the
/// members' role changes audited, the audit log append-only, and a publish that queues each
/// driver's DM once with its unique key, in one transaction with the new version.
@Suite struct TeamRepositoryTests {
    static let guild = "290926798626357999"
    static let other = "390926798626357111"
    static let limits = TeamLimits(eventsPerGuild: 2, driversPerEvent: 3, spansPerDriver: 2, carsPerEvent: 2, rolesPerGuild: 2, textLength: 10, versionsPerEvent: 2)

    static func event(_ guild: String = guild, name: String = "Le Mans", cars: Int = 1) -> TeamEventRecord {
        TeamEventRecord(
            guildID: guild, name: name, track: "Sarthe", start: Date(timeIntervalSince1970: 1_781_000_000), lengthMinutes: 1_440,
            stintMinutes: 60, minIRating: 1_500, maxDrivingMinutes: 360, minRestMinutes: 120,
            cars: (0..<cars).map { TeamCarRecord(carID: "car\($0)", name: "GT3 #\($0)", category: "sports_car") }, createdBy: "1")
    }

    static func registration(_ user: String, member: Int, event: Int = 1) -> TeamRegistration {
        TeamRegistration(
            guildID: guild, eventID: event, userID: user, memberID: member, displayName: "d\(user)", timeZone: "UTC", language: nil,
            licencesJSON: "{}")
    }

    private func expectLimit(_ name: String, _ body: () async throws -> Void) async {
        await #expect(throws: StorageError.limitReached(name)) { try await body() }
    }

    @Test func eventsCarsAndTextAreBoundedAtTheirEdge() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = TeamRepository(database: fixture.database, limits: Self.limits)
        await expectLimit("text_length") { _ = try await repository.createEvent(Self.event(name: String(repeating: "x", count: 11))) }
        await expectLimit("cars_per_event") { _ = try await repository.createEvent(Self.event(cars: 3)) }
        let first = try await repository.createEvent(Self.event(name: String(repeating: "x", count: 10), cars: 2))
        let second = try await repository.createEvent(Self.event())
        #expect((first.eventID, second.eventID) == (1, 2))
        await expectLimit("events_per_guild") { _ = try await repository.createEvent(Self.event()) }
        // Another guild has its own count and its own ids.
        #expect(try await repository.createEvent(Self.event(Self.other)).eventID == 1)
        let stored = try #require(try await repository.event(guildID: Self.guild, eventID: 1))
        #expect(stored.cars.map(\.carID) == ["car0", "car1"] && stored.minIRating == 1_500 && stored.start == first.start)
    }

    @Test func driversAndSpansAreBoundedAndAMemberIDHasOneDriver() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = TeamRepository(database: fixture.database, limits: Self.limits)
        await #expect(throws: StorageError.notFound("event 1")) { try await repository.register(Self.registration("a", member: 1)) }
        _ = try await repository.createEvent(Self.event())
        for (user, member) in [("a", 1), ("b", 2), ("c", 3)] { try await repository.register(Self.registration(user, member: member)) }
        await expectLimit("drivers_per_event") { try await repository.register(Self.registration("d", member: 4)) }
        // Signing up again updates, and does not count twice.
        var again = Self.registration("a", member: 1)
        again.timeZone = "Europe/Istanbul"
        try await repository.register(again)
        #expect(try await repository.registration(guildID: Self.guild, eventID: 1, userID: "a")?.timeZone == "Europe/Istanbul")
        await #expect(throws: StorageError.duplicateName("iracing member 2")) { try await repository.register(Self.registration("a", member: 2)) }

        let span = TeamAvailabilitySpan(year: 2026, month: 6, day: 13, hour: 14, hours: 4)
        #expect(try await repository.addAvailability(span, guildID: Self.guild, eventID: 1, userID: "a") == 1)
        #expect(try await repository.addAvailability(span, guildID: Self.guild, eventID: 1, userID: "a") == 2)
        await expectLimit("spans_per_driver") { try await repository.addAvailability(span, guildID: Self.guild, eventID: 1, userID: "a") }
        await #expect(throws: StorageError.notFound("registration of z")) {
            try await repository.addAvailability(span, guildID: Self.guild, eventID: 1, userID: "z")
        }
        #expect(try await repository.availability(guildID: Self.guild, eventID: 1)["a"]?.count == 2)
    }

    @Test func roleMappingAndMembersRoleChangesAreAuditedAndTheLogOnlyGrows() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = TeamRepository(database: fixture.database, limits: Self.limits)
        #expect(try await repository.mapRole(guildID: Self.guild, roleID: "r1", to: .admin, actorID: "boss"))
        #expect(try await repository.mapRole(guildID: Self.guild, roleID: "r1", to: .admin, actorID: "boss") == false)
        #expect(try await repository.mapRole(guildID: Self.guild, roleID: "r2", to: .member, actorID: "boss"))
        await expectLimit("roles_per_guild") { try await repository.mapRole(guildID: Self.guild, roleID: "r3", to: .guest, actorID: "boss") }
        #expect(try await repository.mapRole(guildID: Self.guild, roleID: "r2", to: nil, actorID: "boss"))
        #expect(try await repository.roleMap(guildID: Self.guild) == ["r1": .admin])

        #expect(try await repository.observe(guildID: Self.guild, userID: "u", role: .guest) == nil)
        #expect(try await repository.observe(guildID: Self.guild, userID: "u", role: .admin) == .guest)
        #expect(try await repository.observe(guildID: Self.guild, userID: "u", role: .admin) == nil)
        let log = try await repository.auditLog(guildID: Self.guild, limit: 50)
        #expect(log.map(\.action) == [.roleMap, .roleMap, .roleMap, .memberRole])
        #expect((log[2].before, log[2].after) == ("member", nil))
        #expect((log[3].subject, log[3].before, log[3].after) == ("u", "guest", "admin"))
        #expect(try await repository.auditLog(guildID: Self.other, limit: 50).isEmpty)
        await #expect(throws: (any Error).self) {
            try await fixture.database.writer.write { db in try db.execute(sql: "DELETE FROM team_audit_log") }
        }
        await #expect(throws: (any Error).self) {
            try await fixture.database.writer.write { db in try db.execute(sql: "UPDATE team_audit_log SET actor_id = 'x'") }
        }
    }

    @Test func aPublishQueuesEachDriversDMOnceWithItsVersionAndKey() async throws {
        let fixture = try StorageFixture()
        defer { fixture.remove() }
        let repository = TeamRepository(database: fixture.database, limits: Self.limits)
        let discord = DiscordRepository(database: fixture.database)
        _ = try await repository.createEvent(Self.event())
        await #expect(throws: StorageError.notFound("proposal of event 1")) {
            _ = try await repository.publish(guildID: Self.guild, eventID: 1, actorID: "boss") { _, _ in [] }
        }
        try await repository.propose(planJSON: "{\"cars\":[]}", guildID: Self.guild, eventID: 1, actorID: "boss")
        #expect(try await repository.plan(guildID: Self.guild, eventID: 1, published: true) == nil)
        // A maker that names a driver twice still queues one DM for them.
        let first = try await repository.publish(guildID: Self.guild, eventID: 1, actorID: "boss") { version, plan in
            #expect(plan == "{\"cars\":[]}")
            return [.init(recipientID: "a", content: "v\(version) a"), .init(recipientID: "b", content: "v\(version) b"),
                    .init(recipientID: "a", content: "v\(version) a again")]
        }
        #expect(first.plan.version == 1 && first.queued == 2)
        var pending = try await discord.pendingDirectMessages()
        #expect(pending.map(\.content) == ["v1 a", "v1 b"])
        #expect(pending.map(\.dedupeKey) == ["team-plan:\(Self.guild):1:1:a", "team-plan:\(Self.guild):1:1:b"])
        // A failing maker leaves no version and no DM: the publish is one transaction.
        struct Refused: Error {}
        await #expect(throws: (any Error).self) {
            _ = try await repository.publish(guildID: Self.guild, eventID: 1, actorID: "boss") { _, _ in throw Refused() }
        }
        #expect(try await repository.plan(guildID: Self.guild, eventID: 1, published: true)?.version == 1)
        let second = try await repository.publish(guildID: Self.guild, eventID: 1, actorID: "boss") { version, _ in
            [.init(recipientID: "a", content: "v\(version) a")]
        }
        #expect(second.plan.version == 2)
        pending = try await discord.pendingDirectMessages()
        #expect(pending.map(\.content) == ["v1 a", "v1 b", "v2 a"])
        try await discord.recordDirectMessageParts(id: pending[0].id, sent: 1)
        #expect(try await discord.pendingDirectMessages()[0].sentParts == 1)
        await expectLimit("versions_per_event") {
            _ = try await repository.publish(guildID: Self.guild, eventID: 1, actorID: "boss") { _, _ in [] }
        }
        #expect(try await discord.pendingDirectMessages().count == 3, "a refused publish queues nothing")
        let audit = try await repository.auditLog(guildID: Self.guild, limit: 10).filter { $0.action == .planPublish }
        #expect(audit.map(\.after) == ["1", "2"])
    }
}
