import NIOCore
import NIOPosix
import Testing

@testable import CoachServer

/// RFC 6455 section 5.1: a client frame without a mask must close the connection (1002), on the
/// live endpoint and on the benchmark echo alike (found by ../shared/tools/wsconform.py).
@Suite struct UnmaskedFrameTests {
    /// The upgrade, then one unmasked text frame "x" (FIN, opcode 1, no mask bit, length 1).
    static func upgradeThenUnmaskedFrame(path: String) -> [UInt8] {
        let request = "GET \(path)?token=\(FakeAuthenticator.aliceToken) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: Upgrade\r\n"
            + "Upgrade: websocket\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n"
        return Array(request.utf8) + [0x81, 0x01, UInt8(ascii: "x")]
    }

    /// Everything the server sends until it closes the connection.
    static func exchange(port: Int, _ bytes: [UInt8]) async throws -> [UInt8] {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture { try NIOAsyncChannel<ByteBuffer, ByteBuffer>(wrappingChannelSynchronously: channel) }
            }
        return try await channel.executeThenClose { inbound, outbound in
            try await outbound.write(ByteBuffer(bytes: bytes))
            var answer: [UInt8] = []
            for try await chunk in inbound { answer += chunk.readableBytesView }
            return answer
        }
    }

    @Test(arguments: ["/api/v1/coaching/live", "/bench/echo"])
    func unmaskedClientFrameClosesWith1002(path: String) async throws {
        try await RunningServer.with(configure: { $0.server.echoPath = "/bench/echo" }) { server in
            let answer = try await withTimeout { try await Self.exchange(port: server.port, Self.upgradeThenUnmaskedFrame(path: path)) }
            #expect(String(decoding: answer.prefix(12), as: UTF8.self) == "HTTP/1.1 101")
            // A server close frame: FIN + opcode 8, unmasked, 2-byte payload 1002 (0x03EA).
            let close: [UInt8] = [0x88, 0x02, 0x03, 0xEA]
            #expect(answer.count >= close.count && Array(answer.suffix(close.count)) == close)
        }
    }
}
