import NIOCore
import NIOWebSocket

/// What one upgraded socket enforces on its own, below any endpoint's protocol.
struct SocketSettings: Sendable {
    /// Largest message after reassembly; larger ones are `.malformed(.tooLarge)`.
    var maxMessageBytes: Int
    /// Checks that the reason in the client's close frame is UTF-8 (answered with 1002 otherwise),
    /// as RFC 6455 asks; the echo does, the live endpoint has always taken any reason. (Text
    /// messages are always checked: `InboundMessageAssembler`.)
    var validatesUTF8: Bool
    var outboundQueueBytes: Int
    /// A socket that accepts nothing for this long is given up on (`SocketEnding.ServerReason.slowClient`).
    var slowClientTimeout: TimeAmount
    /// Text sent right before giving up on a slow client (the live endpoint's error), if any.
    var slowClientNotice: ByteBuffer?
    /// How long the client may take to answer the server's close frame.
    var closeTimeout: TimeAmount
    /// Between two pings; nil sends none.
    var pingInterval: TimeAmount?
    /// At shutdown, the socket is closed after this long if the endpoint has not closed it.
    var shutdownGrace: TimeAmount
    /// The deadline armed at the upgrade (generation 0), e.g. the time to send `hello`.
    var firstReadDeadline: ReadDeadline?
    /// The close frame a slow client gets: 1008 `slow_consumer` (live, echo); the listen
    /// socket says 4013 `listener_too_slow`, which its page answers by reconnecting.
    var slowClientClose = CloseFrame(code: .policyViolation, reason: "slow_consumer")

    struct CloseFrame: Sendable {
        var code: WebSocketErrorCode
        var reason: String
    }

    /// When the socket reports `.timedOut`.
    struct ReadDeadline: Sendable {
        var timeout: TimeAmount
        /// True: the time since the last message (an idle timeout). False: an absolute deadline.
        var restartsOnMessage: Bool
    }
}

extension TimeAmount {
    init(seconds: Double) {
        self = .nanoseconds(Int64((seconds * 1e9).rounded()))
    }
}
