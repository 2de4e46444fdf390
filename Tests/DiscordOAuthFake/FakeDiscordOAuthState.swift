import Crypto
import Foundation
import Synchronization

/// What the fake Discord knows: one registered application (id, secret, redirect URIs), the
/// account that is "signed in to Discord" in the browser, the codes it issued (each works once,
/// bound to its redirect URI and PKCE challenge, like Discord's) and the access tokens.
public final class FakeDiscordOAuthState: Sendable {
    public struct Account: Sendable, Equatable {
        public var id: String
        public var username: String

        public init(id: String, username: String) {
            self.id = id
            self.username = username
        }
    }

    struct IssuedCode {
        var redirectURI: String
        var challenge: String
        var account: Account
        var used = false
    }

    struct State {
        var account: Account
        var consent = true
        var redirectURIs: Set<String>
        var codes: [String: IssuedCode] = [:]
        var tokens: [String: Account] = [:]
        var rateLimitTokenRequests = 0
        var tokenRequests = 0
        var lastCodeVerifier: String?
    }

    public let clientID: String
    public let clientSecret: String
    let state: Mutex<State>

    public init(clientID: String = "1234567890", clientSecret: String = "fake-client-secret", account: Account, redirectURIs: Set<String>) {
        self.clientID = clientID
        self.clientSecret = clientSecret
        state = Mutex(State(account: account, redirectURIs: redirectURIs))
    }

    /// The account that the next authorization grants (the user signed in to Discord).
    public func signInToDiscord(as account: Account) { state.withLock { $0.account = account } }
    /// Whether the user presses "Authorize" (true) or "Cancel" (false) on the next consent.
    public func setConsent(_ granted: Bool) { state.withLock { $0.consent = granted } }
    public func allowRedirect(_ uri: String) { state.withLock { _ = $0.redirectURIs.insert(uri) } }
    /// The next `count` token requests are answered 429, as Discord's rate limit does.
    public func rateLimitNextTokenRequests(_ count: Int) { state.withLock { $0.rateLimitTokenRequests = count } }
    public var tokenRequests: Int { state.withLock { $0.tokenRequests } }
    /// The last `code_verifier` a token request carried (never in the authorize request).
    public var lastCodeVerifier: String? { state.withLock { $0.lastCodeVerifier } }
    public var issuedCodes: [String] { state.withLock { Array($0.codes.keys) } }

    static func s256(_ verifier: String) -> String {
        Data(SHA256.hash(data: Data(verifier.utf8))).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<24).map { _ in String(UInt8.random(in: .min ... .max, using: &generator), radix: 16) }.joined()
    }
}
