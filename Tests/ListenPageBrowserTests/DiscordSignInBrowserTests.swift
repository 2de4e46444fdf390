import CoachServer
import Discord
import DiscordOAuthFake
import Foundation
import Storage
import Synchronization
import Testing

/// "Sign in with Discord" in a real browser: a page asked for without a session offers the
/// button; the browser goes to the fake Discord (on `localhost`, another site than the server's
/// `127.0.0.1`, so the state cookie must survive a cross-site redirect as SameSite=Lax allows),
/// comes back, and lands signed in on the page it asked for.
@Suite(.enabled(if: Chromium.executable != nil, "chromium is not installed (scripts/install-browser-test-deps.sh installs it)"))
struct DiscordSignInBrowserTests {
    static let account = FakeDiscordOAuthState.Account(id: "80351110224678912", username: "nelly")

    @Test func aBrowserSignsInThroughDiscordAndLandsOnThePageItAskedFor() async throws {
        let fake = FakeDiscordOAuthState(account: Self.account, redirectURIs: [])
        try await FakeDiscordOAuthServer.with(state: fake) { discord in
            let otherSite = discord.baseURL.replacingOccurrences(of: "127.0.0.1", with: "localhost")
            let client = DiscordOAuthClient(settings: DiscordOAuthSettings(
                clientID: fake.clientID, clientSecret: fake.clientSecret, authorizeURL: otherSite + "/oauth2/authorize",
                apiBaseURL: discord.apiBaseURL, requestTimeoutSeconds: 5, maxResponseBytes: 65_536))
            try await ListenPageServer.with(wire: { dependencies, database in
                dependencies.discordSignIn = client
                dependencies.discordUsers = StorageBackedBrowserSessions(database: database)
            }) { server in
                fake.allowRedirect(server.baseURL + "/signin/discord/callback")
                let links = DiscordLinkRepository(database: server.database)
                let code = try await links.createCode(driverID: server.driverID, lifetime: .seconds(600))
                _ = try await links.redeem(code: code.code, guildID: "613425648685547541", userID: Self.account.id)

                let browser = try await Chromium.launch()
                defer { browser.terminate() }
                let step = Mutex("opening a page without a session")
                do {
                    try await DevToolsClient.connect(url: browser.devToolsURL) { devTools in
                        let page = try await BrowserPage.open(devTools)
                        try await page.navigate(server.baseURL + "/sessions?lang=tr")
                        try await page.waitUntil("document.querySelector('form.discord-signin button')", "the Discord button")
                        #expect(try await page.evaluate("document.querySelector('form.discord-signin button').textContent").string
                            == "Discord ile giriş yap")
                        step.withLock { $0 = "signing in through the fake Discord" }
                        _ = try await page.evaluate("document.querySelector('form.discord-signin button').click()")
                        try await page.waitUntil(
                            "location.pathname === '/sessions' && document.querySelector('.driver')", "back on /sessions, signed in")
                        #expect(try await page.evaluate("document.querySelector('.driver').textContent").string == "Ayrton")
                        #expect(try await page.evaluate("document.cookie").string?.contains("trailbrake_listen") == false, "HttpOnly")
                        try await page.screenshot(to: ListenPageBrowserTests.screenshots.appendingPathComponent("discord-signed-in.png"))
                        step.withLock { $0 = "signing out everywhere" }
                        _ = try await page.evaluate("document.querySelector('form[action=\"/listen/logout-everywhere\"] button').click()")
                        try await page.waitUntil("location.pathname === '/listen/logout-everywhere'", "the signed-out page")
                        try await page.navigate(server.baseURL + "/sessions")
                        try await page.waitUntil("document.querySelector('form.discord-signin')", "signed out again")
                    }
                } catch {
                    Issue.record("failed while \(step.withLock { $0 }): \(String(reflecting: error)); chromium said: \(browser.diagnostics.suffix(2_000))")
                    throw error
                }
                #expect(fake.tokenRequests == 1)
            }
        }
    }
}
