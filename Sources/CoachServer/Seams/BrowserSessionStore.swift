import Foundation

/// Sign-in for the listen page: login links exchanged once for browser sessions, held by the
/// browser as a cookie. Storage keeps only hashes of both secrets (`StorageBackedBrowserSessions`);
/// the server decides lifetimes and bounds (`[listen]`) and passes them in.
public protocol BrowserSessionStore: Sendable {
    /// Exchanges a login link (at most once) for a session lasting `lifetime` seconds; a driver keeps at
    /// most `maximumPerDriver` sessions, the oldest going first.
    func signIn(link: String, lifetime: TimeInterval, maximumPerDriver: Int) async throws -> BrowserSignIn
    /// The live session a cookie names; nil when unknown, expired or signed out.
    func session(cookie: String) async throws -> BrowserSession?
    /// Deletes the session a cookie names; nothing happens for an unknown one.
    func signOut(cookie: String) async throws
    /// A new session for a driver whose identity was proven another way (Discord), under the
    /// same bounds; nil when the driver no longer exists.
    func signIn(driverID: Int64, lifetime: TimeInterval, maximumPerDriver: Int) async throws -> (BrowserSession, cookie: String)?
    /// Deletes every session of the driver; returns their ids (their listeners are closed).
    func signOutEverywhere(driverID: Int64) async throws -> Set<Int64>
    /// Which of the sessions `ids` are still signed in now. A running server asks this every
    /// `auth.token_check_seconds` for the sessions its listeners were admitted with: a session
    /// that expired or was replaced by a newer sign-in closes those listeners.
    func liveSessionIDs(_ ids: Set<Int64>) async throws -> Set<Int64>
}

/// A signed-in browser.
public struct BrowserSession: Sendable, Equatable {
    /// Names the session without its secret: a listener admitted with it remembers this.
    public var id: Int64
    public var driver: AuthenticatedDriver
    /// Echoed by the page's sign-out form: a cross-site form cannot know it.
    public var csrfToken: String
    public var expiresAt: Date

    public init(id: Int64, driver: AuthenticatedDriver, csrfToken: String, expiresAt: Date) {
        self.id = id
        self.driver = driver
        self.csrfToken = csrfToken
        self.expiresAt = expiresAt
    }
}

/// What a login link gave.
public enum BrowserSignIn: Sendable, Equatable {
    /// A new session; `cookie` is its secret, sent to the browser once and never logged.
    case signedIn(BrowserSession, cookie: String)
    /// Each link works once.
    case used
    case expired
    /// Not a link of this server.
    case unknown
}
