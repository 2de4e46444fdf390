import CoachServer
import Foundation
import ServerSettings
import Storage
import Testing

/// `/admin`: only drivers named in `admin.drivers`; tokens made and revoked through forms that
/// need the page's CSRF token; the poller's recent cycles and errors shown.
@Suite struct AdminPageTests {
    static func admin(_ configuration: inout ServerConfiguration) { configuration.admin.drivers = " alice , carol" }

    struct StaticStatus: AdminStatusSource {
        func adminStatus() async -> AdminStatus {
            AdminStatus(
                discord: .init(feedQueue: 3, directMessageQueue: 1),
                iracing: .init(
                    state: "degraded", lastSuccess: Date(timeIntervalSince1970: 1_796_000_000), lastError: "rate_limited", trackedDrivers: 7,
                    pendingPosts: 2,
                    cycles: [
                        .init(endedAt: Date(timeIntervalSince1970: 1_796_000_600), membersChecked: 6, resultsFetched: 2, postsPublished: 1,
                              errors: ["rate_limited"]),
                        .init(endedAt: Date(timeIntervalSince1970: 1_796_000_000), membersChecked: 7, resultsFetched: 0, postsPublished: 0,
                              errors: []),
                    ]))
        }
    }

    @Test func onlyConfiguredAdminsSeeThePageOthersGet404() async throws {
        try await ListenTestServer.with(configure: Self.admin) { server in
            #expect(try await server.request(.get, "/admin").status == .unauthorized)
            let bob = try #require(try await server.signIn(try await server.mintLink(driverID: 2)).cookieValue)
            let refused = try await server.request(.get, "/admin", cookie: bob)
            #expect(refused.status == .notFound)
            #expect(!refused.body.contains("Administration"))
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let page = try await server.request(.get, "/admin", cookie: alice)
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<table class="list" id="drivers""#))
            #expect(page.body.contains("<td>alice</td>") && page.body.contains("<td>bob</td>"))
            #expect(page.body.contains("iRacing") && page.body.contains("off"), "no poller, no bot: both off")
        }
        // Nobody is an admin by default.
        try await ListenTestServer.with { server in
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            #expect(try await server.request(.get, "/admin", cookie: alice).status == .notFound)
        }
    }

    @Test func tokensAreMadeAndRevokedOnlyWithThePagesToken() async throws {
        try await ListenTestServer.with(configure: Self.admin) { server in
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let csrf = try #require(try await BrowserSessionTokens.csrf(of: alice, on: server))
            let drivers = StorageBackedDrivers(database: server.database)

            let forged = try await server.request(.post, "/admin/tokens", cookie: alice, form: "driver=2&label=phone")
            #expect(forged.status == .forbidden)
            let crossSite = try await server.request(
                .post, "/admin/tokens", cookie: alice, origin: "https://evil.example", form: "csrf=\(csrf)&driver=2&label=phone")
            #expect(crossSite.status == .forbidden)
            #expect(try await drivers.tokenList(limit: 10).isEmpty)

            let made = try await server.request(.post, "/admin/tokens", cookie: alice, form: "csrf=\(csrf)&driver=2&label=phone")
            #expect(made.status == .ok)
            let token = try #require(made.body.firstMatch(of: /<code id="new-token">(tb_[A-Za-z0-9_-]+)<\/code>/)?.1).description
            #expect(try await drivers.authenticate(token: token)?.name == "bob")
            let listed = try #require(try await drivers.tokenList(limit: 10).first)
            #expect(listed.driverName == "bob" && listed.label == "phone" && listed.status == .active)
            let page = try await server.request(.get, "/admin", cookie: alice)
            #expect(!page.body.contains(token), "a token is shown once")

            let noToken = try await server.request(.post, "/admin/tokens/\(listed.id)/revoke", cookie: alice, form: "")
            #expect(noToken.status == .forbidden)
            #expect(try await drivers.authenticate(token: token) != nil)
            let revoked = try await server.request(.post, "/admin/tokens/\(listed.id)/revoke", cookie: alice, form: "csrf=\(csrf)")
            #expect(revoked.status == .ok)
            #expect(try await drivers.authenticate(token: token) == nil)
            let again = try await server.request(.post, "/admin/tokens/\(listed.id)/revoke", cookie: alice, form: "csrf=\(csrf)")
            #expect(again.status == .notFound)
            #expect(try await server.request(.post, "/admin/tokens", cookie: alice, form: "csrf=\(csrf)&driver=99").status == .notFound)
            let bob = try #require(try await server.signIn(try await server.mintLink(driverID: 2)).cookieValue)
            let bobsCSRF = try #require(try await BrowserSessionTokens.csrf(of: bob, on: server))
            #expect(try await server.request(.post, "/admin/tokens", cookie: bob, form: "csrf=\(bobsCSRF)&driver=2").status == .notFound)
        }
    }

    @Test func driversAreCreatedWithCheckedNames() async throws {
        try await ListenTestServer.with(configure: Self.admin) { server in
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let csrf = try #require(try await BrowserSessionTokens.csrf(of: alice, on: server))
            let made = try await server.request(.post, "/admin/drivers", cookie: alice, form: "csrf=\(csrf)&name=Ay%C5%9Fe")
            #expect(made.status == .ok)
            #expect(made.body.contains("<td>Ayşe</td>"))
            #expect(try await server.request(.post, "/admin/drivers", cookie: alice, form: "csrf=\(csrf)&name=bob").status == .conflict)
            for bad in ["", "%20%20", "a%0Ab", String(repeating: "x", count: 65), "a%E2%80%AEb"] {
                #expect(try await server.request(.post, "/admin/drivers", cookie: alice, form: "csrf=\(csrf)&name=\(bad)").status == .badRequest, "\(bad)")
            }
            #expect(try await server.request(.post, "/admin/drivers", cookie: alice, form: "name=eve").status == .forbidden)
        }
    }

    @Test func theDiscordQueuesAndThePollersRecentCyclesAreShown() async throws {
        var backend = TestBackend()
        backend.adminStatus = StaticStatus()
        try await ListenTestServer.with(backend: backend, configure: Self.admin) { server in
            let alice = try #require(try await server.signIn(try await server.mintLink(driverID: 1)).cookieValue)
            let page = try await server.request(.get, "/admin", cookie: alice).body
            #expect(page.contains("<dt>Live-feed events waiting</dt><dd>3</dd>"))
            #expect(page.contains("<dt>State</dt><dd>degraded</dd>") && page.contains("<dt>Last error</dt><dd>rate_limited</dd>"))
            #expect(page.components(separatedBy: "<tr class=\"failed\">").count == 2, "one failed cycle of two")
            #expect(page.contains(#"<td class="cycle-errors">rate_limited</td>"#))
            let turkish = try await server.request(.get, "/admin?lang=tr", cookie: alice).body
            #expect(turkish.contains("Son yoklayıcı döngüleri") && !turkish.contains("Recent poller cycles"))
        }
    }
}
