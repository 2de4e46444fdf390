import CoachServer
import Foundation
import HTTPTypes
import HummingbirdTesting
import Logging
import Testing

/// Tokens must never reach the logs, even at `trace`: not from the upgrade request's header or
/// query string, not from a refused token, not from the REST API.
@Suite struct SecretsInLogsTests {
    @Test func tokensNeverAppearInTheServersLogsAtAnyLevel() async throws {
        let capture = LogCapture()
        let wrongToken = "tb_wrong-secret-that-must-not-be-logged"
        try await RunningServer.with(logger: capture.logger(label: "secrets-test")) { server in
            try await withTimeout {
                // A live session with the token in the header, then in the query string.
                for placement in [LiveClient.TokenPlacement.header, .query] {
                    try await LiveClient.connect(server, placement: placement) { reader, outbound in
                        try await outbound.write(.text(ClientMessages.hello()))
                        _ = try await reader.next("welcome")
                        try await outbound.write(.text(ClientMessages.jsonFrames(seq: 1, ClientMessages.frames(6))))
                        _ = try await reader.next("ack", skipping: ["delta"])
                    }
                }
                // A refused upgrade with a wrong token in the query string.
                _ = try? await LiveClient.connect(server, token: wrongToken, placement: .query) { _, _ in }
                // REST with the right and a wrong bearer token.
                _ = try await RESTTests.get(server, "/api/v1/sessions")
                _ = try await RESTTests.get(server, "/api/v1/sessions", token: wrongToken)
            }
        }
        let lines = capture.all
        #expect(!lines.isEmpty, "the capture must see the server's logs, or this test proves nothing")
        for secret in [FakeAuthenticator.aliceToken, wrongToken] {
            let leaks = lines.filter { $0.contains(secret) }
            #expect(leaks.isEmpty, "token found in the logs: \(leaks.prefix(3))")
        }
    }
}
