import AsyncHTTPClient
import Foundation
import Integration
import NIOCore

/// Discord's side of "Sign in with Discord": the authorization address with a PKCE challenge
/// (S256) and the `identify` scope, the code exchange (`POST /oauth2/token`, the client
/// authenticated with HTTP Basic) and `GET /users/@me` with the access token, which is then
/// dropped: the server keeps no Discord token. Tokens and the secret never reach a log or an error.
public struct DiscordOAuthClient: DiscordSignInProvider {
    let settings: DiscordOAuthSettings

    public init(settings: DiscordOAuthSettings) {
        self.settings = settings
    }

    public var authorizeURL: String { settings.authorizeURL }

    public func authorization(state: String, redirectURI: String) -> DiscordAuthorization {
        let verifier = PKCE.verifier()
        let query = OAuthForm.encode([
            ("response_type", "code"), ("client_id", settings.clientID), ("scope", "identify"), ("state", state),
            ("redirect_uri", redirectURI), ("code_challenge", PKCE.challenge(for: verifier)), ("code_challenge_method", "S256"),
            ("prompt", "none"),
        ])
        let separator = settings.authorizeURL.contains("?") ? "&" : "?"
        return DiscordAuthorization(url: settings.authorizeURL + separator + query, verifier: verifier)
    }

    public func user(code: String, verifier: String, redirectURI: String) async throws -> DiscordSignInUser {
        // One client per sign-in: sign-ins are rare, and no pooled connection outlives the request.
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        do {
            let user = try await exchange(code: code, verifier: verifier, redirectURI: redirectURI, client: client)
            try? await client.shutdown()
            return user
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    private func exchange(code: String, verifier: String, redirectURI: String, client: HTTPClient) async throws -> DiscordSignInUser {
        var token = HTTPClientRequest(url: settings.apiBaseURL + "/oauth2/token")
        token.method = .POST
        token.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        token.headers.add(name: "Authorization", value: "Basic " + Data("\(settings.clientID):\(settings.clientSecret)".utf8).base64EncodedString())
        token.body = .bytes(ByteBuffer(string: OAuthForm.encode([
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI), ("code_verifier", verifier),
        ])))
        let granted: TokenResponse = try await send(token, client: client)
        guard granted.tokenType.lowercased() == "bearer", !granted.accessToken.isEmpty else {
            throw DiscordSignInFailure(code: "bad_response")
        }
        var me = HTTPClientRequest(url: settings.apiBaseURL + "/users/@me")
        me.headers.add(name: "Authorization", value: "Bearer \(granted.accessToken)")
        let user: UserResponse = try await send(me, client: client)
        guard user.id.utf8.count <= 20, !user.id.isEmpty, user.id.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }) else {
            throw DiscordSignInFailure(code: "bad_response")
        }
        return DiscordSignInUser(id: user.id, username: String(user.username.prefix(64)))
    }

    /// Sends, reads at most `max_response_bytes`, and decodes a 2xx answer; Discord's error
    /// shapes become a `DiscordSignInFailure` with Discord's OAuth code where it gave one.
    private func send<Answer: Decodable>(_ request: HTTPClientRequest, client: HTTPClient) async throws -> Answer {
        let response: HTTPClientResponse
        let body: ByteBuffer
        do {
            response = try await client.execute(request, timeout: .milliseconds(Int64(settings.requestTimeoutSeconds * 1_000)))
            body = try await response.body.collect(upTo: settings.maxResponseBytes)
        } catch let error as NIOTooManyBytesError {
            _ = error
            throw DiscordSignInFailure(code: "bad_response")
        } catch {
            throw DiscordSignInFailure(code: "unavailable")
        }
        let bytes = Data(body.readableBytesView)
        switch response.status.code {
        case 200..<300:
            guard let answer = try? JSONDecoder().decode(Answer.self, from: bytes) else { throw DiscordSignInFailure(code: "bad_response") }
            return answer
        case 429:
            throw DiscordSignInFailure(code: "rate_limited")
        case 400..<500:
            // OAuth errors: {"error": "invalid_grant", ...}; API errors: {"message": "401: Unauthorized", "code": 0}.
            let error = (try? JSONDecoder().decode(OAuthErrorResponse.self, from: bytes))?.error
            throw DiscordSignInFailure(code: error.flatMap(OAuthErrorResponse.stableCode) ?? "rejected")
        default:
            throw DiscordSignInFailure(code: "unavailable")
        }
    }
}

private struct TokenResponse: Decodable {
    let accessToken: String
    let tokenType: String

    enum CodingKeys: String, CodingKey {
        case accessToken = "access_token"
        case tokenType = "token_type"
    }
}

private struct UserResponse: Decodable {
    let id: String
    let username: String
}

private struct OAuthErrorResponse: Decodable {
    let error: String?

    /// Only RFC 6749's codes are passed on: the text is Discord's, the code becomes ours.
    static func stableCode(_ code: String) -> String? {
        ["invalid_request", "invalid_client", "invalid_grant", "unauthorized_client", "unsupported_grant_type", "invalid_scope"]
            .first { $0 == code }
    }
}
