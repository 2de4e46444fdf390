import NIOCore
import NIOWebSocket

/// The load tool's baseline: every message it receives goes straight back, unparsed.
///
/// It runs behind the same channel as the live endpoint (token check and connection limits
/// before the upgrade, the same socket handler, frame limits and outbound queue) and, as the
/// live endpoint's `LiveChannelHandler`, on the socket's event loop, so the load tool's
/// `--target echo` measures what the network stack alone costs and the coaching run can be
/// compared against it. Off unless `server.echo_path` is set.
///
/// Broken messages close the socket as RFC 6455 says (1009 too large, 1007 not UTF-8, 1002 bad
/// fragmentation); so do silence (`live.idle_timeout_seconds`, 1008) and shutdown (1001).
final class EchoEndpoint: ChannelInboundHandler {
    typealias InboundIn = SocketEvent

    private let socket: SocketSender
    /// Completed once the socket has ended.
    let finished: EventLoopPromise<Void>

    init(socket: SocketSender, finished: EventLoopPromise<Void>) {
        self.socket = socket
        self.finished = finished
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
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

    func channelInactive(context: ChannelHandlerContext) {
        finished.succeed()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        finished.succeed()  // no-op after channelInactive; never leaves the promise open
    }
}
