import NIOCore
import NIOWebSocket

/// The load tool's baseline: every message it receives goes straight back, unparsed.
///
/// It runs behind the same channel as the live endpoint (token check and connection limits
/// before the upgrade, the same socket handler, frame limits and outbound queue), so the load
/// tool's `--target echo` measures what the network stack alone costs and the coaching run can
/// be compared against it. Off unless `server.echo_path` is set.
enum EchoEndpoint {
    /// Runs until the socket is closed. Broken messages close it as RFC 6455 says (1009 too
    /// large, 1007 not UTF-8, 1002 bad fragmentation); so do silence (`live.idle_timeout_seconds`,
    /// 1008) and shutdown (1001).
    static func run(events: NIOAsyncChannelInboundStream<SocketEvent>, socket: SocketSender) async {
        do {
            for try await event in events {
                switch event {
                case .message(.text(let text)): socket.send(.text(text))
                case .message(.binary(let buffer)): socket.send(.binary(buffer))
                case .malformed(.tooLarge): socket.close(.messageTooLarge, reason: nil)
                case .malformed(.invalidUTF8): socket.close(.dataInconsistentWithMessage, reason: nil)
                case .malformed(.badFragmentation): socket.close(.protocolError, reason: nil)
                case .timedOut: socket.close(.policyViolation, reason: "idle_timeout")
                case .shutdown: socket.close(.goingAway, reason: "server_shutdown")
                // Every echo queued before it goes out first.
                case .closeReceived: socket.answerClose()
                case .closedByServer: break
                }
            }
        } catch {}
    }
}
