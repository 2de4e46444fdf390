import HummingbirdWebSocket
import NIOCore

/// The load tool's baseline: every message it receives goes straight back, unparsed.
///
/// It runs behind the same channel as the live endpoint (token check before the upgrade, the
/// same WebSocket handler and frame limits), so the load tool's `--target echo` measures what
/// the network stack alone costs and the coaching run can be compared against it. Off unless
/// `server.echo_path` is set.
enum EchoEndpoint {
    /// - Parameter maximumBytes: largest message after reassembly (`live.max_message_bytes`);
    ///   a larger one ends the stream and the WebSocket handler closes the socket with 1009.
    static func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, maximumBytes: Int) async throws {
        for try await message in inbound.messages(maxSize: maximumBytes) {
            switch message {
            case .text(let text): try await outbound.write(.text(text))
            case .binary(let buffer): try await outbound.write(.binary(buffer))
            }
        }
    }
}
