import Foundation
import Storage

/// Login links, browser sessions and the Discord accounts that sign in, in SQLite, behind the
/// sign-in seams.
public struct StorageBackedBrowserSessions: BrowserSessionStore, DiscordSignInDirectory {
    let links: LoginLinkRepository
    let sessions: BrowserSessionRepository
    let discordUsers: DiscordSignInRepository

    public init(database: TrailbrakeDatabase) {
        links = LoginLinkRepository(database: database)
        sessions = BrowserSessionRepository(database: database)
        discordUsers = DiscordSignInRepository(database: database)
    }

    /// A new login link for the driver (`trailbrake login-link`), valid for `lifetime` seconds.
    public func createLoginLink(driverID: Int64, lifetime: TimeInterval) async throws -> (secret: String, expiresAt: Date) {
        let link = try await links.create(driverID: driverID, lifetime: lifetime)
        return (link.secret, link.expiresAt)
    }

    public func signIn(link: String, lifetime: TimeInterval, maximumPerDriver: Int) async throws -> BrowserSignIn {
        switch try await sessions.signIn(link: link, lifetime: lifetime, maximumPerDriver: maximumPerDriver) {
        case .signedIn(let record, let secret): .signedIn(BrowserSession(record), cookie: secret)
        case .used: .used
        case .expired: .expired
        case .unknown: .unknown
        }
    }

    public func session(cookie: String) async throws -> BrowserSession? {
        try await sessions.session(secret: cookie).map(BrowserSession.init)
    }

    public func signOut(cookie: String) async throws { try await sessions.signOut(secret: cookie) }

    public func signIn(driverID: Int64, lifetime: TimeInterval, maximumPerDriver: Int) async throws -> (BrowserSession, cookie: String)? {
        try await sessions.signIn(driverID: driverID, lifetime: lifetime, maximumPerDriver: maximumPerDriver)
            .map { (BrowserSession($0.0), $0.secret) }
    }

    public func signOutEverywhere(driverID: Int64) async throws -> Set<Int64> { try await sessions.signOutEverywhere(driverID: driverID) }

    public func driver(forDiscordUser userID: String) async throws -> DiscordSignInDriver {
        switch try await discordUsers.driver(forDiscordUser: userID) {
        case .driver(let driver): .driver(id: driver.id)
        case .ambiguous: .ambiguous
        case .unknown: .unknown
        }
    }

    public func link(discordUser userID: String, driverID: Int64) async throws -> Bool {
        try await discordUsers.link(discordUser: userID, driverID: driverID) == .linked
    }

    public func liveSessionIDs(_ ids: Set<Int64>) async throws -> Set<Int64> { try await sessions.liveSessionIDs(among: ids) }
}

extension BrowserSession {
    init(_ record: BrowserSessionRecord) {
        self.init(id: record.id, driver: AuthenticatedDriver(record.driver), csrfToken: record.csrfToken, expiresAt: record.expiresAt)
    }
}
