import NIOWebSocket

/// What an upgraded socket hands to the endpoint running on it (live, echo), in order.
enum SocketEvent: Sendable {
    /// A complete text or binary message (frames joined, size and UTF-8 checked).
    case message(InboundMessageAssembler.Message)
    /// A message broke the framing rules; nothing more is delivered. The endpoint says why and closes.
    case malformed(InboundMessageAssembler.Failure)
    /// The read deadline set with `SocketSender.expectMessages` (or the socket's first one,
    /// generation 0) passed. A generation the endpoint has since replaced is stale: ignore it.
    case timedOut(generation: UInt64)
    /// The server is shutting down: finish up and close (1001) within the shutdown grace.
    case shutdown
    /// The client sent its close frame (with this code, nil without one) after every message
    /// delivered before; nothing follows. Finish with those, then `SocketSender.answerClose()`:
    /// what is queued until then goes out before the server's close frame.
    case closeReceived(WebSocketErrorCode?)
    /// The server's close frame went out (asked for by anyone: this endpoint, or another part of
    /// the server closing the driver's sockets); nothing more is delivered.
    case closedByServer
}

/// How an upgraded socket ended, known once its channel is closed.
struct SocketEnding: Sendable {
    /// Why the server gave up on the connection, when it did.
    enum ServerReason: Sendable, Equatable {
        /// The endpoint closed it (an error, a timeout, the end of the echo, shutdown).
        case requested
        /// The client broke the WebSocket rules (close 1002).
        case protocolError
        /// The client read too slowly (`slow_consumer`).
        case slowClient
        /// The client did not answer a ping in time.
        case pingTimeout
    }

    /// The code of the close frame the client sent first; nil when it sent none before the
    /// connection ended (a drop, a reset, a server-side close), or one without a code.
    var clientCloseCode: WebSocketErrorCode?
    /// Set when the server started the close.
    var serverReason: ServerReason?
    /// The error that ended the connection (a reset, a TLS failure, a frame over the size
    /// limit), for the log.
    var error: String?

    /// The client ended the conversation on purpose with 1000 (the live session is over).
    var isNormalClientClose: Bool { serverReason == nil && clientCloseCode == .normalClosure }
}
