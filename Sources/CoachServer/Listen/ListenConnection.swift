import Logging
import NIOCore
import NIOWebSocket

/// One listener's socket, an endpoint of the server's own WebSocket handler like the live one:
/// attaches the socket to the driver's mirror, which queues on it directly, and ignores what the
/// listener sends (the socket is read-only) until either side closes.
///
/// The socket layer does the rest: its bounded outbound queue (`listen.queue_bytes`) drops
/// deltas, then clips; a listener that cannot take a cue or lap, or takes nothing for
/// `listen.slow_listener_seconds`, is closed with 4013 `listener_too_slow` and its TCP connection
/// with it. Pings, the close handshake and shutdown (1001) are the socket's, as for every endpoint.
/// A listener whose sign-in or token ends is closed with 4401 (`ListenCredential`).
struct ListenConnection: Sendable {
    let mirror: DriverMirror
    /// What the listener was admitted with: when it ends, the mirror closes the socket (4401).
    let credential: ListenCredential?
    let metrics: ListenMetrics
    let logger: Logger

    /// The listener stayed behind and was closed: 4013, in the private range (RFC 6455 7.4.2),
    /// as 1013 "try again later" is not in RFC 6455 and some WebSocket stacks (swift-websocket
    /// among them) answer it as a protocol error.
    static let tooSlowCloseCode = WebSocketErrorCode(codeNumber: 4013)

    /// Runs until the socket is closed.
    func run(events: NIOAsyncChannelInboundStream<SocketEvent>, socket: SocketSender) async {
        guard let id = mirror.attach(socket, credential: credential) else {
            let message = #"{"type":"error","code":"too_many_listeners","message":"this driver has as many listeners as allowed","fatal":true}"#
            socket.send(.text(message))
            socket.close(.policyViolation, reason: "too_many_listeners")
            await drain(events, socket: socket)
            return
        }
        await drain(events, socket: socket)
        mirror.detach(id)
        let ending = (try? await socket.ending.get()) ?? SocketEnding()
        if ending.serverReason == .slowClient {
            metrics.listenerClosedTooSlow()
            logger.info("closed a listener that stayed behind")
        }
    }

    /// Reads the socket's events to its end; a listener's messages are ignored.
    private func drain(_ events: NIOAsyncChannelInboundStream<SocketEvent>, socket: SocketSender) async {
        do {
            for try await event in events {
                switch event {
                case .message: break
                case .malformed(.tooLarge): socket.close(.messageTooLarge, reason: nil)
                case .malformed(.invalidUTF8): socket.close(.dataInconsistentWithMessage, reason: nil)
                case .malformed(.badFragmentation): socket.close(.protocolError, reason: nil)
                case .timedOut: break  // a listener has no read deadline
                case .shutdown: socket.close(.goingAway, reason: "server_shutdown")
                case .closeReceived: socket.answerClose()
                case .closedByServer: break
                }
            }
        } catch {
            logger.debug("listener socket ended", metadata: ["error": "\(error)"])
        }
    }
}
