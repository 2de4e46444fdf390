import Foundation
import HTTPTypes
import HummingbirdTesting
import HummingbirdWSClient
import NIOCore
import NIOWebSocket
import Testing

@testable import CoachServer

@Suite struct LiveHandshakeTests {
    @Test func upgradeWithoutValidTokenIsRefusedWith401() async throws {
        try await RunningServer.with { server in
            for placement in [LiveClient.TokenPlacement.none, .header] {
                await #expect(throws: WebSocketClientError.webSocketUpgradeFailed) {
                    try await LiveClient.connect(server, token: "wrong-token", placement: placement) { _, _ in }
                }
            }
            // The refusal is a real 401 with the API's JSON error body, sent instead of the upgrade.
            let request = "GET /api/v1/coaching/live?token=wrong HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
                + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
            let body = try await withTimeout { try await RawHTTP.exchange(port: server.port, request: request) }
            #expect(body.hasPrefix("HTTP/1.1 401"))
            #expect(body.contains(#""code":"unauthorized""#))
        }
    }

    @Test func queryTokenIsAccepted() async throws {
        try await RunningServer.with { server in
            try await withTimeout {
                try await LiveClient.connect(server, placement: .query) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    #expect(try await reader.next("welcome") != nil)
                }
            }
        }
    }

    @Test func helloGetsWelcomeWithSessionReferenceAndLimits() async throws {
        try await RunningServer.with { server in
            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    let welcome = try #require(try await reader.next("welcome"))
                    #expect(welcome.resumed == false)
                    #expect(welcome.next_seq == 1)
                    #expect(UUID(uuidString: welcome.session ?? "") != nil)
                    #expect(welcome.reference?.source == "test:reference")
                    #expect(welcome.reference?.reason == "shipped_track_and_car")
                    #expect(welcome.limits?.max_message_bytes == 65_536)
                    #expect(welcome.limits?.max_frames_per_batch == 120)
                }
            }
            #expect(await server.backend.store.log.contains("created session 1"))
        }
    }

    @Test func unsupportedProtocolClosesWith1002() async throws {
        try await expectFatal(first: ClientMessages.hello(protocolVersion: 2), code: "unsupported_protocol", close: .protocolError)
    }

    @Test func invalidHelloClosesWith1008() async throws {
        try await expectFatal(first: ClientMessages.hello(trackLength: 0), code: "invalid_hello", close: .policyViolation)
        try await expectFatal(first: #"{"type":"hello","protocol":1}"#, code: "invalid_hello", close: .policyViolation)
    }

    @Test func framesBeforeHelloAreRefusedButTheConnectionStays() async throws {
        try await RunningServer.with { server in
            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.jsonFrames(seq: 1, ClientMessages.frames(1))))
                    #expect(try await reader.next("error")?.code == "hello_required")
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(1))))
                    #expect(try await reader.next("error")?.code == "hello_required")
                    try await outbound.write(.text(ClientMessages.hello()))
                    #expect(try await reader.next("welcome")?.next_seq == 1)
                }
            }
        }
    }

    @Test func helloTimeoutClosesWith1008() async throws {
        try await RunningServer.with(configure: { $0.live.helloTimeoutSeconds = 0.3 }) { server in
            let close = try await withTimeout {
                try await LiveClient.connect(server) { reader, _ in
                    let error = try #require(try await reader.next("error"))
                    #expect(error.code == "hello_timeout")
                    #expect(error.fatal == true)
                    _ = try await reader.drainUntilClosed()
                }
            }
            #expect(close?.closeCode == .policyViolation)
        }
    }

    @Test func secondHelloIsRefusedAndTheSessionGoesOn() async throws {
        try await RunningServer.with { server in
            try await withTimeout {
                try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello(protocolVersion: 2)))
                    #expect(try await reader.next("error")?.code == "duplicate_hello")
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, ClientMessages.frames(2))))
                    #expect(try await reader.next("ack")?.seq == 1)
                }
            }
        }
    }

    private func expectFatal(first message: String, code: String, close: WebSocketErrorCode) async throws {
        try await RunningServer.with { server in
            let closeFrame = try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(message))
                    let error = try #require(try await reader.next("error"))
                    #expect(error.code == code)
                    #expect(error.fatal == true)
                    _ = try await reader.drainUntilClosed()
                }
            }
            #expect(closeFrame?.closeCode == close)
        }
    }
}
