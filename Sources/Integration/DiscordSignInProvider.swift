/// "Sign in with Discord" for the web pages: the OAuth2 authorization code flow with PKCE.
/// The server's routes hold the state and the verifier; the Discord target's client builds the
/// authorization address and exchanges the code, so the server never depends on an HTTP client.
public protocol DiscordSignInProvider: Sendable {
    /// Discord's authorization page (its origin is where the pages' Discord forms lead).
    var authorizeURL: String { get }
    /// A new authorization request: where to send the browser, and the PKCE verifier to keep
    /// (server-side) for the code exchange. `redirectURI` must be the one registered with Discord.
    func authorization(state: String, redirectURI: String) -> DiscordAuthorization
    /// Exchanges an authorization code (once) for the Discord user who granted it.
    /// - Throws: `DiscordSignInFailure` with Discord's error code (`invalid_grant`, ...) or one of
    ///   the client's own (`unavailable`, `rate_limited`, `bad_response`).
    func user(code: String, verifier: String, redirectURI: String) async throws -> DiscordSignInUser
}

/// Where to send the browser, and the verifier only the server keeps.
public struct DiscordAuthorization: Sendable, Equatable {
    public var url: String
    public var verifier: String

    public init(url: String, verifier: String) {
        self.url = url
        self.verifier = verifier
    }
}

/// The Discord account that signed in (`GET /users/@me`).
public struct DiscordSignInUser: Sendable, Equatable {
    /// The snowflake, decimal digits.
    public var id: String
    public var username: String

    public init(id: String, username: String) {
        self.id = id
        self.username = username
    }
}

/// Why a code gave no user; `code` is stable (Discord's OAuth error, or the client's own).
public struct DiscordSignInFailure: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: String

    public init(code: String) { self.code = code }

    public var description: String { "discord sign-in failed: \(code)" }
}
