/// A driver whose bearer token was accepted. Every REST query and live session is scoped to `id`.
public struct AuthenticatedDriver: Sendable, Equatable, Hashable {
    public var id: Int64
    public var name: String
    /// The token that was accepted, when the authenticator can name it: a live session is
    /// closed when this token is revoked or expires (`TokenWatch`).
    public var tokenID: Int64?
    /// The browser session that was accepted instead of a token (the listen socket, by its
    /// cookie): a listener is closed when this session is signed out or ends (`ListenCredential`).
    public var browserSessionID: Int64?

    public init(id: Int64, name: String, tokenID: Int64? = nil, browserSessionID: Int64? = nil) {
        self.id = id
        self.name = name
        self.tokenID = tokenID
        self.browserSessionID = browserSessionID
    }
}

/// Turns a bearer token into a driver (Storage keeps only SHA-256 hashes of tokens).
public protocol DriverAuthenticator: Sendable {
    /// The driver owning `token`, or nil when the token is unknown, revoked or expired.
    func authenticate(token: String) async throws -> AuthenticatedDriver?
    /// Which of the tokens `ids` still work now. A running server asks this every
    /// `auth.token_check_seconds` for the tokens its live sessions were opened with: a token
    /// revoked by the CLI (another process) or past its expiry closes those sessions.
    func validTokenIDs(_ ids: Set<Int64>) async throws -> Set<Int64>
}

extension DriverAuthenticator {
    /// For authenticators whose tokens never change while the server runs (tests).
    public func validTokenIDs(_ ids: Set<Int64>) async throws -> Set<Int64> { ids }
}
