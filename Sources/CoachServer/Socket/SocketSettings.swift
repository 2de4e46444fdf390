import NIOCore

/// What one upgraded socket enforces on its own, below any endpoint's protocol.
struct SocketSettings: Sendable {
    /// Largest message after reassembly; larger ones are `.malformed(.tooLarge)`.
    var maxMessageBytes: Int
    /// Checks that a close frame's reason is UTF-8 (close 1002 otherwise). The live endpoint
    /// checks text itself (to say `invalid_utf8` first); the echo has no protocol to say it in.
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
