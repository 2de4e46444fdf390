import HummingbirdWebSocket
import NIOCore

/// The load tool's baseline: every message it receives goes straight back, unparsed.
///
/// It runs behind the same channel as the live endpoint (token check before the upgrade, the
/// same WebSocket handler and frame limits), so the load tool's `--target echo` measures what
/// the network stack alone costs and the coaching run can be compared against it. Off unless
/// `server.echo_path` is set.
enum EchoEndpoint {
    static func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async throws {
        for try await message in inbound.messages(maxSize: .max) {
            switch message {
            case .text(let text): try await outbound.write(.text(text))
            case .binary(let buffer): try await outbound.write(.binary(buffer))
            }
        }
    }
}
