import Foundation
import Storage

/// Login links and browser sessions in SQLite behind the listen page's sign-in seam.
public struct StorageBackedBrowserSessions: BrowserSessionStore {
    let links: LoginLinkRepository
    let sessions: BrowserSessionRepository

    public init(database: TrailbrakeDatabase) {
        links = LoginLinkRepository(database: database)
        sessions = BrowserSessionRepository(database: database)
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

    public func liveSessionIDs(_ ids: Set<Int64>) async throws -> Set<Int64> { try await sessions.liveSessionIDs(among: ids) }
}

extension BrowserSession {
    init(_ record: BrowserSessionRecord) {
        self.init(id: record.id, driver: AuthenticatedDriver(record.driver), csrfToken: record.csrfToken, expiresAt: record.expiresAt)
    }
}
