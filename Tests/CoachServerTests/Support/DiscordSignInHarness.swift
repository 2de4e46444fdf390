import CoachServer
import Discord
import DiscordOAuthFake
import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ServerSettings
import Storage

/// A server with "Sign in with Discord" wired to the real OAuth client, the client pointed at a
/// fake Discord on loopback, and a browser's part played by hand: each request and redirect is
/// sent with real HTTP, with the cookies a browser would hold.
struct DiscordSignInHarness: Sendable {
    static let account = FakeDiscordOAuthState.Account(id: "80351110224678912", username: "nelly")

    let server: ListenTestServer
    let discord: FakeDiscordOAuthServer

    var callbackURI: String { server.origin + "/signin/discord/callback" }

    static func with<T: Sendable>(
        configure: @escaping @Sendable (inout ServerSettings.ServerConfiguration) -> Void = { _ in },
        _ body: @Sendable (DiscordSignInHarness) async throws -> T
    ) async throws -> T {
        let fake = FakeDiscordOAuthState(account: account, redirectURIs: [])
        return try await FakeDiscordOAuthServer.with(state: fake) { discord in
            var backend = TestBackend()
            backend.discordSignIn = DiscordOAuthClient(settings: DiscordOAuthSettings(
                clientID: fake.clientID, clientSecret: fake.clientSecret, authorizeURL: discord.authorizeURL, apiBaseURL: discord.apiBaseURL,
                requestTimeoutSeconds: 5, maxResponseBytes: 65_536))
            return try await ListenTestServer.with(backend: backend, configure: configure) { server in
                let harness = DiscordSignInHarness(server: server, discord: discord)
                fake.allowRedirect(harness.callbackURI)
                return try await body(harness)
            }
        }
    }

    /// Opts `driverID` in to a guild through the bot as the fake's Discord account (`/coach link`).
    func linkThroughTheBot(driverID: Int64, userID: String = account.id, guild: String = "613425648685547541") async throws {
        let links = DiscordLinkRepository(database: server.database)
        let code = try await links.createCode(driverID: driverID, lifetime: .seconds(600))
        _ = try await links.redeem(code: code.code, guildID: guild, userID: userID)
    }

    struct Flow: Sendable {
        /// The server's answer to the start form (303 to Discord).
        let start: ListenTestServer.Answer
        /// The state cookie the start set.
        let stateCookie: String?
        /// Where the server sent the browser at Discord, parsed.
        let authorize: URLComponents?
        /// Discord's redirect back (the callback address with `code` and `state`, or `error`).
        let callbackPath: String?
        /// The server's answer to the callback.
        let finish: ListenTestServer.Answer?
    }

    /// The whole round trip as a browser makes it: the start form, Discord's consent, the callback.
    func signIn(returnTo: String? = nil, cookie: String? = nil, csrf: String? = nil) async throws -> Flow {
        var form: [String] = []
        if let returnTo { form.append("return=" + (returnTo.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")) }
        if let csrf { form.append("csrf=" + csrf) }
        let start = try await server.request(.post, "/signin/discord", cookie: cookie, form: form.joined(separator: "&"))
        let stateCookie = start.cookie("trailbrake_oauth")
        guard start.status == .seeOther, let location = start.headers[.location], let authorize = URLComponents(string: location) else {
            return Flow(start: start, stateCookie: stateCookie, authorize: nil, callbackPath: nil, finish: nil)
        }
        let consent = try await Self.get(authorize)
        guard consent.status == .found, let back = consent.headerFields[.location], let callback = URLComponents(string: back) else {
            return Flow(start: start, stateCookie: stateCookie, authorize: authorize, callbackPath: nil, finish: nil)
        }
        let path = callback.path + (callback.percentEncodedQuery.map { "?" + $0 } ?? "")
        var jar: [String: String] = [:]
        if let stateCookie { jar["trailbrake_oauth"] = stateCookie }
        let finish = try await server.request(.get, path, cookie: cookie, origin: nil, cookies: jar)
        return Flow(start: start, stateCookie: stateCookie, authorize: authorize, callbackPath: path, finish: finish)
    }

    /// A GET to the fake Discord (its consent page answers with a redirect).
    static func get(_ url: URLComponents) async throws -> HTTPResponse {
        let path = url.path + (url.percentEncodedQuery.map { "?" + $0 } ?? "")
        let request = TestClient.Request(path, method: .get, authority: "\(url.host ?? ""):\(url.port ?? 0)", headers: [:], body: nil)
        let response = try await TestClient.withClient(host: url.host ?? "127.0.0.1", port: url.port ?? 0) { try await $0.execute(request) }
        return response.head
    }
}

extension URLComponents {
    func query(_ name: String) -> String? { queryItems?.first { $0.name == name }?.value }
}
