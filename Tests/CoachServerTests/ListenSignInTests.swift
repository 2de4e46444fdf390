import Foundation
import HTTPTypes
import Testing

@testable import CoachServer

/// Browser sign-in for the listen page: a login link works once and within its expiry, sets a
/// hardened cookie, and sign-out needs the page's CSRF token and deletes the stored session.
@Suite struct ListenSignInTests {
    @Test func aLoginLinkSignsInOnceWithAnHttpOnlyLaxCookie() async throws {
        try await ListenTestServer.with { server in
            let secret = try await server.mintLink()
            let first = try await server.signIn(secret)
            #expect(first.status == .seeOther)
            #expect(first.headers[.location] == "/listen")
            let cookie = try #require(first.cookieValue, "\(first.setCookie ?? "no Set-Cookie")")
            let attributes = Set((first.setCookie ?? "").split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
            #expect(attributes == ["Path=/", "Max-Age=2592000", "HttpOnly", "SameSite=Lax"], "no Secure over plain HTTP")

            let page = try await server.request(.get, "/listen", cookie: cookie)
            #expect(page.status == .ok)
            #expect(page.body.contains(#"<main id="listen" data-driver="alice">"#))
            #expect(page.body.contains(#"name="csrf""#))
            #expect(page.headers[.cacheControl] == "no-store")
            #expect(page.headers[.contentSecurityPolicy]?.contains("script-src 'self'") == true)
            #expect(try await server.request(.get, "/listen/session", cookie: cookie).status == .noContent)

            let again = try await server.signIn(secret)
            #expect(again.status == .gone)
            #expect(again.body.contains("already used"))
            #expect(again.setCookie == nil, "a used link never makes a session")
        }
    }

    @Test func expiredAndUnknownLinksGetAClearPageAndNoSession() async throws {
        try await ListenTestServer.with { server in
            let expired = try await server.mintLink(age: 601, lifetime: 600)
            let answer = try await server.signIn(expired)
            #expect(answer.status == .gone)
            #expect(answer.body.contains("expired"))
            #expect(answer.setCookie == nil)

            let justInTime = try await server.mintLink(age: 590, lifetime: 600)
            #expect(try await server.signIn(justInTime).cookieValue != nil)

            for unknown in ["tbl_" + String(repeating: "A", count: 43), "garbage", ""] {
                let answer = try await server.signIn(unknown)
                #expect(answer.status == .notFound, "\(unknown)")
                #expect(answer.body.contains("Not a sign-in link"))
                #expect(answer.setCookie == nil)
            }
            let empty = try await server.request(.post, "/listen/login", form: "")
            #expect(empty.status == .badRequest)
            let oversized = try await server.request(.post, "/listen/login", form: "link=" + String(repeating: "a", count: 3_000))
            #expect(oversized.status == .badRequest)
        }
    }

    @Test func theCookieIsSecureWhenBrowsersComeOverHTTPS() async throws {
        try await ListenTestServer.with(configure: { $0.listen.baseURL = "https://coach.example:8443" }) { server in
            let answer = try await server.signIn(try await server.mintLink(), origin: "https://coach.example:8443")
            #expect(answer.setCookie?.hasSuffix("; Secure") == true, "\(answer.setCookie ?? "")")
        }
    }

    @Test func withoutAValidCookieThePageExplainsHowToSignIn() async throws {
        try await ListenTestServer.with { server in
            for cookie in [nil, "tbs_" + String(repeating: "B", count: 43), "nonsense"] {
                let page = try await server.request(.get, "/listen", cookie: cookie)
                #expect(page.status == .ok)
                #expect(page.body.contains(#"<main id="signin""#))
                #expect(page.body.contains("trailbrake login-link --driver"))
                #expect(page.body.contains(#"action="/listen/login""#))
                #expect(try await server.request(.get, "/listen/session", cookie: cookie).status == .unauthorized)
            }
        }
    }

    @Test func signOutNeedsThePagesTokenAndDeletesTheStoredSession() async throws {
        try await ListenTestServer.with { server in
            let cookie = try #require(try await server.signIn(try await server.mintLink()).cookieValue)
            let page = try await server.request(.get, "/listen", cookie: cookie).body
            let token = try #require(Self.csrfToken(in: page))

            // A form from elsewhere: no token, a wrong token, or another site's Origin.
            for (form, origin) in [("", ""), ("csrf=wrong", ""), ("csrf=\(token)", "https://evil.example")] {
                let refused = try await server.request(.post, "/listen/logout", cookie: cookie, origin: origin, form: form)
                #expect(refused.status == .forbidden, "\(form) from \(origin)")
                #expect(refused.setCookie == nil)
            }
            #expect(try await server.request(.get, "/listen/session", cookie: cookie).status == .noContent, "still signed in")

            let signedOut = try await server.request(.post, "/listen/logout", cookie: cookie, form: "csrf=\(token)")
            #expect(signedOut.status == .seeOther)
            #expect(signedOut.setCookie?.hasPrefix("trailbrake_listen=; Path=/; Max-Age=0") == true)
            #expect(try await server.request(.get, "/listen/session", cookie: cookie).status == .unauthorized)
            #expect(try await server.upgrade(extraHeaders: ["Cookie: trailbrake_listen=\(cookie)"]).hasPrefix("HTTP/1.1 401"))
        }
    }

    @Test func theListenSocketNeedsACookieOrATokenAndThisSitesOrigin() async throws {
        try await ListenTestServer.with { server in
            let cookie = try #require(try await server.signIn(try await server.mintLink()).cookieValue)
            let refused = try await server.upgrade()
            #expect(refused.hasPrefix("HTTP/1.1 401"))
            #expect(refused.contains(#""code":"unauthorized""#))
            #expect(try await server.upgrade(query: "?token=\(FakeAuthenticator.aliceToken)").hasPrefix("HTTP/1.1 401"), "no token in URLs")
            #expect(try await server.upgrade(extraHeaders: ["Authorization: Bearer wrong"]).hasPrefix("HTTP/1.1 401"))

            let crossSite = try await server.upgrade(extraHeaders: ["Cookie: trailbrake_listen=\(cookie)", "Origin: http://evil.example"])
            #expect(crossSite.hasPrefix("HTTP/1.1 403"))
            #expect(crossSite.contains(#""code":"forbidden""#))

            let browser = try await server.upgrade(extraHeaders: ["Cookie: trailbrake_listen=\(cookie)", "Origin: \(server.origin)"])
            #expect(browser.hasPrefix("HTTP/1.1 101"), "\(browser)")
            // A token header cannot come from a web page: programs are not judged by their Origin.
            let program = try await server.upgrade(
                extraHeaders: ["Authorization: Bearer \(FakeAuthenticator.aliceToken)", "Origin: ws://127.0.0.1"])
            #expect(program.hasPrefix("HTTP/1.1 101"), "\(program)")
            let opaque = try await server.upgrade(extraHeaders: ["Cookie: trailbrake_listen=\(cookie)", "Origin: null"])
            #expect(opaque.hasPrefix("HTTP/1.1 403"))
        }
    }

    @Test func theSignInFormRefusesAnotherSitesOrigin() async throws {
        try await ListenTestServer.with { server in
            let secret = try await server.mintLink()
            let answer = try await server.signIn(secret, origin: "http://evil.example")
            #expect(answer.status == .forbidden)
            #expect(answer.setCookie == nil)
            #expect(try await server.signIn(secret).cookieValue != nil, "the refused post did not use the link up")
        }
    }

    @Test func thePagesScriptsAndStyleComeFromTheBinary() async throws {
        try await ListenTestServer.with { server in
            for (name, type, content) in [
                ("listen.js", "text/javascript", "/api/v1/coaching/listen"), ("listen-audio.js", "text/javascript", "decodeAudioData"),
                ("login.js", "text/javascript", "location.hash"), ("listen.css", "text/css", ".delta"),
            ] {
                let answer = try await server.request(.get, "/listen/assets/\(name)")
                #expect(answer.status == .ok, "\(name)")
                #expect(answer.headers[.contentType]?.hasPrefix(type) == true, "\(name)")
                #expect(answer.body.contains(content), "\(name)")
            }
            #expect(try await server.request(.get, "/listen/assets/../Package.swift").status == .notFound)
            #expect(try await server.request(.get, "/listen/assets/other.js").status == .notFound)
        }
    }

    @Test func linksAndCookiesNeverReachTheLogs() async throws {
        let capture = LogCapture()
        try await ListenTestServer.with(logger: capture.logger(label: "listen-logs")) { server in
            let secret = try await server.mintLink()
            let cookie = try #require(try await server.signIn(secret).cookieValue)
            _ = try await server.signIn(secret)
            _ = try await server.upgrade(extraHeaders: ["Cookie: trailbrake_listen=\(cookie)", "Origin: http://evil.example"])
            _ = try await server.upgrade(extraHeaders: ["Cookie: trailbrake_listen=\(cookie)"])
            let page = try await server.request(.get, "/listen", cookie: cookie).body
            _ = try await server.request(.post, "/listen/logout", cookie: cookie, form: "csrf=\(Self.csrfToken(in: page) ?? "")")
            let lines = capture.all
            #expect(lines.contains { $0.contains("signed in") }, "the sign-in itself is logged")
            for secretText in [secret, cookie, String(secret.dropFirst(4)), String(cookie.dropFirst(4))] {
                #expect(!lines.contains { $0.contains(secretText) }, "a secret reached the log")
            }
        }
    }

    static func csrfToken(in page: String) -> String? {
        guard let start = page.range(of: #"name="csrf" value=""#)?.upperBound else { return nil }
        return String(page[start...].prefix { $0 != "\"" })
    }
}
