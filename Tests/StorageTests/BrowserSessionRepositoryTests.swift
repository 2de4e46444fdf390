import Foundation
import Testing

@testable import Storage

/// Login links and browser sessions (the listen page's sign-in): a link works once and only
/// before it expires, sessions expire and are capped per driver, and neither secret is stored.
@Suite struct BrowserSessionRepositoryTests {
    struct Fixture {
        let database: TrailbrakeDatabase
        let links: LoginLinkRepository
        let sessions: BrowserSessionRepository
        let alice: Driver

        init() async throws {
            database = try TrailbrakeDatabase.inMemory()
            links = LoginLinkRepository(database: database)
            sessions = BrowserSessionRepository(database: database)
            alice = try await DriverRepository(database: database).createDriver(name: "Alice")
        }

        func signIn(_ link: String, lifetime: TimeInterval = 3_600, maximum: Int = 10, now: Date = Date()) async throws
            -> LoginLinkRedemption
        {
            try await sessions.signIn(link: link, lifetime: lifetime, maximumPerDriver: maximum, now: now)
        }
    }

    @Test func aLinkSignsInOnceAndTheSessionFindsItsDriver() async throws {
        let fixture = try await Fixture()
        let link = try await fixture.links.create(driverID: fixture.alice.id, lifetime: 600)
        #expect(link.secret.hasPrefix("tbl_") && link.secret.count == 47)
        guard case .signedIn(let session, let secret) = try await fixture.signIn(link.secret) else {
            Issue.record("a fresh link must sign in")
            return
        }
        #expect(secret.hasPrefix("tbs_") && secret.count == 47)
        #expect(session.driver == fixture.alice)
        #expect(session.csrfToken.count == 43)
        #expect(try await fixture.sessions.session(secret: secret) == session)
        #expect(try await fixture.signIn(link.secret) == .used)
        let count = try await fixture.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM browser_sessions") }
        #expect(count == 1, "a used link makes no second session")
    }

    @Test func aLinkExpiresAtItsLifetime() async throws {
        let fixture = try await Fixture()
        let made = Date()
        let link = try await fixture.links.create(driverID: fixture.alice.id, lifetime: 600, now: made)
        #expect(try await fixture.signIn(link.secret, now: made + 600) == .expired)
        #expect(try await fixture.signIn(link.secret, now: made + 900) == .expired, "an expired link stays expired, it is not used up")
        let fresh = try await fixture.links.create(driverID: fixture.alice.id, lifetime: 600, now: made)
        guard case .signedIn = try await fixture.signIn(fresh.secret, now: made + 599) else {
            Issue.record("a link is good until its last second")
            return
        }
    }

    @Test func unknownOrMalformedLinksAndCookiesFindNothing() async throws {
        let fixture = try await Fixture()
        for link in ["", "tbl_", "tbs_" + String(repeating: "A", count: 43), "tbl_" + String(repeating: "A", count: 43),
                     String(repeating: "x", count: 10_000)] {
            #expect(try await fixture.signIn(link) == .unknown)
            #expect(try await fixture.sessions.session(secret: link) == nil)
        }
        await #expect(throws: StorageError.self) { try await fixture.links.create(driverID: 999, lifetime: 600) }
        await #expect(throws: StorageError.self) { try await fixture.links.create(driverID: fixture.alice.id, lifetime: 0) }
    }

    @Test func sessionsExpireAndSignOutDeletesThem() async throws {
        let fixture = try await Fixture()
        let now = Date()
        let link = try await fixture.links.create(driverID: fixture.alice.id, lifetime: 600, now: now)
        guard case .signedIn(_, let secret) = try await fixture.signIn(link.secret, lifetime: 3_600, now: now) else {
            Issue.record("sign-in failed")
            return
        }
        #expect(try await fixture.sessions.session(secret: secret, now: now + 3_599) != nil)
        #expect(try await fixture.sessions.session(secret: secret, now: now + 3_600) == nil)
        try await fixture.sessions.signOut(secret: secret)
        #expect(try await fixture.sessions.session(secret: secret, now: now) == nil)
        try await fixture.sessions.signOut(secret: secret)  // signing out twice is harmless
    }

    @Test func aDriverKeepsAtMostTheNewestSessions() async throws {
        let fixture = try await Fixture()
        var secrets: [String] = []
        for _ in 0..<3 {
            let link = try await fixture.links.create(driverID: fixture.alice.id, lifetime: 600)
            guard case .signedIn(_, let secret) = try await fixture.signIn(link.secret, maximum: 2) else { return }
            secrets.append(secret)
        }
        #expect(try await fixture.sessions.session(secret: secrets[0]) == nil, "the oldest was signed out")
        #expect(try await fixture.sessions.session(secret: secrets[1]) != nil)
        #expect(try await fixture.sessions.session(secret: secrets[2]) != nil)
    }

    /// The server's periodic check: which sessions its listeners were admitted with still hold.
    @Test func liveSessionIDsLeaveOutExpiredSignedOutAndReplacedSessions() async throws {
        let fixture = try await Fixture()
        let now = Date()
        var sessions: [(id: Int64, secret: String)] = []
        for lifetime in [3_600.0, 3_600, 60, 3_600] {
            let link = try await fixture.links.create(driverID: fixture.alice.id, lifetime: 600, now: now)
            guard case .signedIn(let session, let secret) = try await fixture.signIn(link.secret, lifetime: lifetime, maximum: 3, now: now)
            else {
                Issue.record("sign-in failed")
                return
            }
            sessions.append((session.id, secret))
        }
        #expect(try await fixture.sessions.session(secret: sessions[1].secret, now: now)?.id == sessions[1].id)
        try await fixture.sessions.signOut(secret: sessions[1].secret)
        let all = Set(sessions.map(\.id) + [999_999])
        // [0] was replaced by the fourth sign-in (3 per driver), [1] signed out, [2] expires after 60 s.
        #expect(try await fixture.sessions.liveSessionIDs(among: all, now: now + 59) == [sessions[2].id, sessions[3].id])
        #expect(try await fixture.sessions.liveSessionIDs(among: all, now: now + 60) == [sessions[3].id])
        #expect(try await fixture.sessions.liveSessionIDs(among: [], now: now).isEmpty)
        let many = Set((1...Int64(IDSubsetQuery.idsPerQuery + 20)).map { $0 + 1_000_000 }).union([sessions[3].id])
        #expect(try await fixture.sessions.liveSessionIDs(among: many, now: now) == [sessions[3].id], "asked in bounded chunks")
    }

    @Test func twoBrowsersRacingWithOneLinkGetOneSession() async throws {
        let fixture = try await Fixture()
        let link = try await fixture.links.create(driverID: fixture.alice.id, lifetime: 600)
        let outcomes = try await withThrowingTaskGroup(of: LoginLinkRedemption.self) { group in
            for _ in 0..<8 { group.addTask { try await fixture.signIn(link.secret) } }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(outcomes.filter { if case .signedIn = $0 { true } else { false } }.count == 1)
        #expect(outcomes.filter { $0 == .used }.count == 7)
    }

    @Test func onlyHashesOfTheSecretsAreStored() async throws {
        let fixture = try await Fixture()
        let link = try await fixture.links.create(driverID: fixture.alice.id, lifetime: 600)
        guard case .signedIn(_, let secret) = try await fixture.signIn(link.secret) else { return }
        let stored = try await fixture.database.writer.read { db in
            try String.fetchAll(db, sql: "SELECT link_hash FROM login_links") + String.fetchAll(db, sql: "SELECT session_hash FROM browser_sessions")
        }
        #expect(stored == [AccessToken.hash(link.secret), AccessToken.hash(secret)])
        let texts = try await fixture.database.writer.read { db in
            try String.fetchAll(
                db, sql: "SELECT link_hash FROM login_links UNION ALL SELECT session_hash || csrf_token FROM browser_sessions")
        }
        #expect(!texts.contains { $0.contains(link.secret.dropFirst(4)) || $0.contains(secret.dropFirst(4)) })
    }

    @Test func deletingADriverDeletesTheirLinksAndSessions() async throws {
        let fixture = try await Fixture()
        let link = try await fixture.links.create(driverID: fixture.alice.id, lifetime: 600)
        guard case .signedIn(_, let secret) = try await fixture.signIn(link.secret) else { return }
        try await fixture.database.writer.write { db in try db.execute(sql: "DELETE FROM drivers WHERE id = ?", arguments: [fixture.alice.id]) }
        #expect(try await fixture.sessions.session(secret: secret) == nil)
        let left = try await fixture.database.writer.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM login_links") }
        #expect(left == 0)
    }
}
