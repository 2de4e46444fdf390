import AsyncHTTPClient
import DiscordOAuthFake
import Foundation
import Integration
import Testing

@testable import Discord

/// The sign-in client against the fake Discord over real HTTP: a code is exchanged once, only
/// with the verifier of its challenge and the redirect URI it was issued for; Discord's error
/// shapes become stable codes; the secret and tokens never show in what the client prints.
@Suite struct DiscordOAuthClientTests {
    static let redirect = "http://127.0.0.1:9/signin/discord/callback"
    static let account = FakeDiscordOAuthState.Account(id: "80351110224678912", username: "nelly")

    static func with(_ body: @Sendable (DiscordOAuthClient, FakeDiscordOAuthState) async throws -> Void) async throws {
        let fake = FakeDiscordOAuthState(account: account, redirectURIs: [redirect, redirect + "2"])
        try await FakeDiscordOAuthServer.with(state: fake) { server in
            let client = DiscordOAuthClient(settings: DiscordOAuthSettings(
                clientID: fake.clientID, clientSecret: fake.clientSecret, authorizeURL: server.authorizeURL, apiBaseURL: server.apiBaseURL,
                requestTimeoutSeconds: 5, maxResponseBytes: 65_536))
            try await body(client, fake)
        }
    }

    /// Plays the consent: the code Discord's redirect carries for this authorization.
    static func code(for authorization: DiscordAuthorization) async throws -> String {
        var request = HTTPClientRequest(url: authorization.url)
        request.method = .GET
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: .init(redirectConfiguration: .disallow))
        defer { _ = client.shutdown() }
        let response = try await client.execute(request, timeout: .seconds(5))
        let location = try #require(response.headers.first(name: "Location"))
        return try #require(URLComponents(string: location)?.queryItems?.first { $0.name == "code" }?.value)
    }

    @Test func aCodeGivesTheUserOnceWithItsVerifierAndRedirect() async throws {
        try await Self.with { client, _ in
            let authorization = client.authorization(state: "s1", redirectURI: Self.redirect)
            let parts = try #require(URLComponents(string: authorization.url))
            let challenge = parts.queryItems?.first { $0.name == "code_challenge" }?.value
            #expect(challenge == PKCE.challenge(for: authorization.verifier))
            #expect(authorization.verifier.count == 43)
            let code = try await Self.code(for: authorization)
            let user = try await client.user(code: code, verifier: authorization.verifier, redirectURI: Self.redirect)
            #expect(user == DiscordSignInUser(id: Self.account.id, username: "nelly"))
            await #expect(throws: DiscordSignInFailure(code: "invalid_grant"), "a code works once") {
                try await client.user(code: code, verifier: authorization.verifier, redirectURI: Self.redirect)
            }
        }
    }

    @Test func aWrongVerifierOrRedirectIsInvalidGrant() async throws {
        try await Self.with { client, _ in
            let first = client.authorization(state: "s", redirectURI: Self.redirect)
            await #expect(throws: DiscordSignInFailure(code: "invalid_grant")) {
                try await client.user(code: try await Self.code(for: first), verifier: PKCE.verifier(), redirectURI: Self.redirect)
            }
            let second = client.authorization(state: "s", redirectURI: Self.redirect)
            await #expect(throws: DiscordSignInFailure(code: "invalid_grant")) {
                try await client.user(code: try await Self.code(for: second), verifier: second.verifier, redirectURI: Self.redirect + "2")
            }
        }
    }

    @Test func aWrongSecretRateLimitsAndAnUnreachableDiscordHaveStableCodes() async throws {
        try await Self.with { client, fake in
            fake.rateLimitNextTokenRequests(1)
            let limited = client.authorization(state: "s", redirectURI: Self.redirect)
            await #expect(throws: DiscordSignInFailure(code: "rate_limited")) {
                try await client.user(code: try await Self.code(for: limited), verifier: limited.verifier, redirectURI: Self.redirect)
            }
            var settings = client.settings
            settings = DiscordOAuthSettings(
                clientID: settings.clientID, clientSecret: "not-the-secret", authorizeURL: settings.authorizeURL,
                apiBaseURL: settings.apiBaseURL, requestTimeoutSeconds: 5, maxResponseBytes: 65_536)
            let wrongSecret = DiscordOAuthClient(settings: settings)
            let request = wrongSecret.authorization(state: "s", redirectURI: Self.redirect)
            await #expect(throws: DiscordSignInFailure(code: "invalid_client")) {
                try await wrongSecret.user(code: try await Self.code(for: request), verifier: request.verifier, redirectURI: Self.redirect)
            }
            #expect(!"\(settings)".contains("not-the-secret"))
        }
        let nowhere = DiscordOAuthClient(settings: DiscordOAuthSettings(
            clientID: "1", clientSecret: "x", authorizeURL: "http://127.0.0.1:9/oauth2/authorize", apiBaseURL: "http://127.0.0.1:9/api/v10",
            requestTimeoutSeconds: 2, maxResponseBytes: 65_536))
        await #expect(throws: DiscordSignInFailure(code: "unavailable")) {
            try await nowhere.user(code: "c", verifier: PKCE.verifier(), redirectURI: Self.redirect)
        }
    }
}
