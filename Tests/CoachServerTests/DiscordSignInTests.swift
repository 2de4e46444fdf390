import Foundation
import HTTPTypes
import Testing

@testable import CoachServer

/// "Sign in with Discord" end to end: the real server, the real OAuth client, a fake Discord on
/// loopback with real HTTP; the browser's redirects and cookies played by hand.
@Suite struct DiscordSignInTests {
    @Test func aBotLinkedAccountSignsInWithPKCEAndLandsOnThePageItAskedFor() async throws {
        try await DiscordSignInHarness.with { harness in
            try await harness.linkThroughTheBot(driverID: 1)
            let flow = try await harness.signIn(returnTo: "/laps/12?a=1")
            #expect(flow.start.status == .seeOther)
            let authorize = try #require(flow.authorize)
            #expect(authorize.query("code_challenge_method") == "S256")
            #expect(authorize.query("redirect_uri") == harness.callbackURI)
            #expect(authorize.query("scope") == "identify")
            #expect(authorize.query("state") == flow.stateCookie, "the state is bound to this browser's cookie")
            #expect(flow.start.setCookies.first { $0.hasPrefix("trailbrake_oauth=") }?.contains("HttpOnly; SameSite=Lax") == true)
            let finish = try #require(flow.finish)
            #expect(finish.status == .seeOther)
            #expect(finish.headers[.location] == "/laps/12?a=1")
            let cookie = try #require(finish.cookie("trailbrake_listen"))
            #expect(cookie.hasPrefix("tbs_"))
            #expect(finish.cookie("trailbrake_oauth") == "", "the state cookie is cleared")
            // The verifier went only to the token endpoint, and it is the challenge's preimage
            // (the fake refuses the exchange otherwise).
            let verifier = try #require(harness.discord.state.lastCodeVerifier)
            #expect(!(authorize.string ?? "").contains(verifier))
            let page = try await harness.server.request(.get, "/sessions", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains("alice"))

            // The same callback again (a replayed redirect): the state was used, no session.
            var jar: [String: String] = [:]
            jar["trailbrake_oauth"] = flow.stateCookie
            let replay = try await harness.server.request(.get, try #require(flow.callbackPath), origin: nil, cookies: jar)
            #expect(replay.status == .badRequest)
            #expect(replay.cookie("trailbrake_listen") == nil)
        }
    }

    @Test func aCallbackWithoutThisBrowsersStateCookieSignsNobodyIn() async throws {
        try await DiscordSignInHarness.with { harness in
            try await harness.linkThroughTheBot(driverID: 1)
            // An attacker's own completed authorization, fed to a victim's browser (login CSRF).
            let start = try await harness.server.request(.post, "/signin/discord", form: "")
            let authorize = try #require(URLComponents(string: start.headers[.location] ?? ""))
            let back = try #require(try await DiscordSignInHarness.get(authorize).headerFields[.location])
            let callback = try #require(URLComponents(string: back))
            let path = callback.path + "?" + (callback.percentEncodedQuery ?? "")
            for jar in [[:], ["trailbrake_oauth": "someone-elses-state"]] {
                let answer = try await harness.server.request(.get, path, origin: nil, cookies: jar)
                #expect(answer.status == .badRequest)
                #expect(answer.cookie("trailbrake_listen") == nil)
                #expect(answer.body.contains("This sign-in has expired"))
            }
        }
    }

    @Test func deniedConsentUnknownAccountsAndDiscordErrorsGiveAPageAndNoSession() async throws {
        try await DiscordSignInHarness.with { harness in
            harness.discord.state.setConsent(false)
            let denied = try #require(try await harness.signIn().finish)
            #expect(denied.status == .forbidden)
            #expect(denied.body.contains("Sign-in cancelled"))
            #expect(denied.cookie("trailbrake_listen") == nil)

            harness.discord.state.setConsent(true)
            let unknown = try #require(try await harness.signIn().finish)
            #expect(unknown.status == .forbidden)
            #expect(unknown.body.contains("This Discord account is not linked"))
            #expect(unknown.cookie("trailbrake_listen") == nil)

            try await harness.linkThroughTheBot(driverID: 1)
            harness.discord.state.rateLimitNextTokenRequests(1)
            let limited = try #require(try await harness.signIn().finish)
            #expect(limited.status == .badGateway)
            #expect(limited.body.contains("Discord did not confirm the sign-in"))
            #expect(limited.cookie("trailbrake_listen") == nil)
            #expect(try await harness.signIn().finish?.status == .seeOther, "the next try works")
        }
    }

    @Test func anAccountLinkedToSeveralDriversThroughTheBotIsNotGuessed() async throws {
        try await DiscordSignInHarness.with { harness in
            try await harness.linkThroughTheBot(driverID: 1)
            try await harness.linkThroughTheBot(driverID: 2, guild: "1000")
            let answer = try #require(try await harness.signIn().finish)
            #expect(answer.status == .conflict)
            #expect(answer.cookie("trailbrake_listen") == nil)
        }
    }

    @Test func aSignedInBrowserLinksItsAccountWithItsCSRFTokenAndOnlyOnce() async throws {
        try await DiscordSignInHarness.with { harness in
            let alice = try #require(try await harness.server.signIn(try await harness.server.mintLink(driverID: 1)).cookieValue)
            let noToken = try await harness.server.request(.post, "/signin/discord", cookie: alice, form: "return=%2Fsessions")
            #expect(noToken.status == .forbidden)
            #expect(noToken.headers[.location] == nil)
            let csrf = try #require(try await BrowserSessionTokens.csrf(of: alice, on: harness.server))
            let linked = try #require(try await harness.signIn(cookie: alice, csrf: csrf).finish)
            #expect(linked.status == .ok)
            #expect(linked.body.contains("Discord linked"))

            // A new browser now signs in with Discord as alice.
            let fresh = try #require(try await harness.signIn().finish)
            let cookie = try #require(fresh.cookie("trailbrake_listen"))
            #expect(try await harness.server.request(.get, "/sessions", cookie: cookie).body.contains("alice"))

            // Bob cannot take the account over.
            let bob = try #require(try await harness.server.signIn(try await harness.server.mintLink(driverID: 2)).cookieValue)
            let bobsToken = try #require(try await BrowserSessionTokens.csrf(of: bob, on: harness.server))
            let refused = try #require(try await harness.signIn(cookie: bob, csrf: bobsToken).finish)
            #expect(refused.status == .conflict)
            let again = try #require(try await harness.signIn().finish?.cookie("trailbrake_listen"))
            #expect(try await harness.server.request(.get, "/sessions", cookie: again).body.contains("alice"))
        }
    }

    @Test func onlySameSitePathsAreReturnTargets() async throws {
        for hostile in [
            "//evil.example/x", "/\\evil.example", "https://evil.example/", "/\t/evil.example", "/\n/evil.example", "javascript:alert(1)", "",
            "laps/1", "/ laps", "/signin/discord", "/listen/login", "/é", String(repeating: "/a", count: 300),
        ] {
            #expect(ReturnPath.validated(hostile) == nil, "\(hostile)")
        }
        #expect(ReturnPath.validated("/laps/compare?a=1&b=2") == "/laps/compare?a=1&b=2")
        #expect(ReturnPath.validated("/%2F%2Fevil.example") == "/%2F%2Fevil.example", "a percent-encoded slash stays a path here")

        try await DiscordSignInHarness.with { harness in
            try await harness.linkThroughTheBot(driverID: 1)
            for hostile in ["//evil.example/x", "https://evil.example/", "/\\evil.example"] {
                let finish = try #require(try await harness.signIn(returnTo: hostile).finish)
                #expect(finish.status == .seeOther)
                #expect(finish.headers[.location] == "/sessions", "\(hostile)")
            }
        }
    }

    @Test func aLoginLinkOpenedAfterA401LandsOnThePageThatAskedForIt() async throws {
        try await ListenTestServer.with { server in
            let asked = try await server.request(.get, "/laps/12")
            #expect(asked.status == .unauthorized)
            let remembered = try #require(asked.cookie("trailbrake_return"))
            let secret = try await server.mintLink()
            let link = "http://\(server.authority)/listen/login#\(secret)"
            let answer = try await server.request(
                .post, "/listen/login", form: "link=" + (link.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""),
                cookies: ["trailbrake_return": remembered])
            #expect(answer.status == .seeOther)
            #expect(answer.headers[.location] == "/laps/12")
            #expect(answer.cookie("trailbrake_return") == "", "used once")
            let hostile = try await server.request(
                .post, "/listen/login", form: "link=" + (try await server.mintLink()),
                cookies: ["trailbrake_return": "%2F%2Fevil.example"])
            #expect(hostile.headers[.location] == "/listen")
        }
    }

    @Test func signOutEverywhereNeedsTheTokenAndEndsOnlyThatDriversSessions() async throws {
        try await ListenTestServer.with { server in
            let phone = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let laptop = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let bob = try #require(try await server.signIn(try await server.mintLink(driverID: 2)).cookieValue)
            let refused = try await server.request(.post, "/listen/logout-everywhere", cookie: laptop, form: "csrf=wrong")
            #expect(refused.status == .forbidden)
            let foreign = try await server.request(
                .post, "/listen/logout-everywhere", cookie: laptop, origin: "https://evil.example", form: "csrf=wrong")
            #expect(foreign.status == .forbidden)
            #expect(try await server.request(.get, "/listen/session", cookie: phone).status == .noContent)

            let csrf = try #require(try await BrowserSessionTokens.csrf(of: laptop, on: server))
            let done = try await server.request(.post, "/listen/logout-everywhere", cookie: laptop, form: "csrf=\(csrf)")
            #expect(done.status == .ok)
            #expect(done.body.contains("Signed out everywhere"))
            #expect(try await server.request(.get, "/listen/session", cookie: phone).status == .unauthorized)
            #expect(try await server.request(.get, "/listen/session", cookie: laptop).status == .unauthorized)
            #expect(try await server.request(.get, "/listen/session", cookie: bob).status == .noContent)
        }
    }
}

/// The CSRF token a signed-in page carries, read from the stored session as the page shows it.
enum BrowserSessionTokens {
    static func csrf(of cookie: String, on server: ListenTestServer) async throws -> String? {
        try await StorageBackedBrowserSessions(database: server.database).session(cookie: cookie)?.csrfToken
    }
}
