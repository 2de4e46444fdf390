import Foundation
import HTTPTypes
import NIOWebSocket
import Testing

@testable import CoachServer

/// A listener ends with the browser sign-in it was admitted with: sign-out closes that browser's
/// listeners at once (and no other's), an expired sign-in is closed by the periodic check; each
/// is told `signed_out` and closed with 4401. (A token's listener: `TokenRevocationTests`.)
@Suite(.timeLimit(.minutes(1)))
struct ListenSignOutTests {
    /// A browser listening with its sign-in cookie, from the page `http://127.0.0.1` (the
    /// WebSocket client names its origin without the port), which `configure` allows.
    static func browserListener(_ server: ListenTestServer, cookie: String) -> ListenProbe {
        ListenProbe(port: server.port, headers: [.cookie: "trailbrake_listen=\(cookie)"], scheme: "http")
    }

    /// The server for these tests: `browserListener`'s origin allowed, `tokenCheckSeconds` between checks.
    static func withServer(
        tokenCheckSeconds: Double, sessionSeconds: Double = 86_400, _ body: @Sendable (ListenTestServer) async throws -> Void
    ) async throws {
        try await ListenTestServer.with(configure: {
            $0.listen.allowedOrigins = "http://127.0.0.1"
            $0.listen.sessionDays = sessionSeconds / 86_400
            $0.auth.tokenCheckSeconds = tokenCheckSeconds
        }, body)
    }

    static func signedInBrowser(_ server: ListenTestServer) async throws -> (cookie: String, csrf: String) {
        let cookie = try #require(try await server.signIn(try await server.mintLink()).cookieValue)
        let page = try await server.request(.get, "/listen", cookie: cookie).body
        return (cookie, try #require(ListenSignInTests.csrfToken(in: page)))
    }

    static func expectSignedOutClose(_ listener: ListenProbe, within seconds: Double) async throws {
        let close = try await listener.closedByServer(seconds: seconds)
        #expect(close.map { UInt16(webSocketErrorCode: $0.closeCode) } == 4401)
        #expect(close?.reason == "signed_out")
        #expect(listener.replies.last?.type == "error")
        #expect(listener.replies.last?.code == "signed_out")
    }

    @Test func signingOutClosesThatBrowsersListenerAtOnceAndAnotherBrowserKeepsListening() async throws {
        // No periodic check during the test: sign-out itself closes the listener.
        try await Self.withServer(tokenCheckSeconds: 3_600) { server in
            let phone = try await Self.signedInBrowser(server)
            let laptop = try await Self.signedInBrowser(server)
            let phoneListener = Self.browserListener(server, cookie: phone.cookie)
            let laptopListener = Self.browserListener(server, cookie: laptop.cookie)
            try await ListenMirrorTests.waitForListeners(server.server, 2)

            let signedOutAt = ContinuousClock.now
            let answer = try await server.request(.post, "/listen/logout", cookie: phone.cookie, form: "csrf=\(phone.csrf)")
            #expect(answer.status == .seeOther)
            try await Self.expectSignedOutClose(phoneListener, within: 5)
            let closedAfter = ContinuousClock.now - signedOutAt
            #expect(closedAfter < .seconds(5), "closed \(closedAfter) after sign-out, with no periodic check running")
            try await ListenMirrorTests.waitForListeners(server.server, 1)

            // The other browser of the same driver still hears the driver's cues.
            _ = try await withTimeout { try await ListenMirrorTests.drive(server.server, batches: 1) }
            try await laptopListener.wait(for: "a cue after the other browser signed out") { $0.contains { $0.reply?.type == "cue" } }
            #expect(try await laptopListener.finish()?.closeCode == .normalClosure)
            #expect(!phoneListener.replies.contains { $0.type == "cue" }, "the signed-out browser heard nothing more")
            let again = try await server.upgrade(extraHeaders: ["Cookie: trailbrake_listen=\(phone.cookie)", "Origin: \(server.origin)"])
            #expect(again.hasPrefix("HTTP/1.1 401"), "the signed-out cookie cannot listen again")
        }
    }

    @Test func aBrowserWhoseSignInExpiresIsClosedByThePeriodicCheck() async throws {
        let lifetime = 3.0
        try await Self.withServer(tokenCheckSeconds: 1, sessionSeconds: lifetime) { server in
            let signedInAt = ContinuousClock.now
            let browser = try await Self.signedInBrowser(server)
            let listener = Self.browserListener(server, cookie: browser.cookie)
            try await ListenMirrorTests.waitForListeners(server.server, 1)
            try await Self.expectSignedOutClose(listener, within: 15)
            let closedAfter = ContinuousClock.now - signedInAt
            #expect(closedAfter >= .seconds(lifetime - 0.5), "closed \(closedAfter) after sign-in: not before the sign-in expired")
            #expect(closedAfter < .seconds(lifetime + 6), "closed \(closedAfter) after sign-in, with a check every second")
            try await ListenMirrorTests.waitForListeners(server.server, 0)
            #expect(try await server.request(.get, "/listen/session", cookie: browser.cookie).status == .unauthorized)
        }
    }
}
