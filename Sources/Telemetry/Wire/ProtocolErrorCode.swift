/// The stable error codes of wire protocol v1 (docs/protocol.md, "error"). Raw values are sent to
/// clients and must never change.
public enum ProtocolErrorCode: String, Sendable, Codable, CaseIterable {
    /// HTTP 401 body before the upgrade: missing or wrong bearer token.
    case unauthorized
    case malformedJSON = "malformed_json"
    case unknownType = "unknown_type"
    case unsupportedProtocol = "unsupported_protocol"
    case helloRequired = "hello_required"
    case helloTimeout = "hello_timeout"
    case duplicateHello = "duplicate_hello"
    case invalidHello = "invalid_hello"
    case badBinaryHeader = "bad_binary_header"
    case badChannelMask = "bad_channel_mask"
    case badFrameCount = "bad_frame_count"
    case invalidValue = "invalid_value"
    case distanceOutOfRange = "distance_out_of_range"
    case sequenceGap = "sequence_gap"
    case duplicateSequence = "duplicate_sequence"
    case messageTooLarge = "message_too_large"
    case invalidUTF8 = "invalid_utf8"
    case resumeRejected = "resume_rejected"
    // Limits on what one session or driver may make the server do.
    /// Batches faster than `live.batches_per_second` beyond `live.batch_burst`.
    case rateLimited = "rate_limited"
    /// More laps in one session than `live.max_laps_per_session`.
    case tooManyLaps = "too_many_laps"
    /// More fragments (laps that are not laps) in one session than `live.max_fragments_per_session`.
    case tooManyFragments = "too_many_fragments"
    /// The lap in progress passed the lap cap and was ended (stored as invalid, or dropped).
    case lapTooLong = "lap_too_long"
    case `internal`
    // Connection and session limits, timeouts and slow clients (docs/protocol.md, "Limits").
    case idleTimeout = "idle_timeout"
    case tooManySessions = "too_many_sessions"
    case serverBusy = "server_busy"
    case slowConsumer = "slow_consumer"
    /// The token the session was opened with was revoked or has expired (close 4401).
    case tokenRevoked = "token_revoked"

    /// The WebSocket close code the protocol prescribes, or nil when the connection is kept.
    public var closeCode: UInt16? {
        switch self {
        case .unsupportedProtocol: 1002
        case .helloTimeout, .invalidHello: 1008
        case .messageTooLarge: 1009
        case .invalidUTF8: 1007
        case .idleTimeout, .tooManySessions, .slowConsumer: 1008
        // RFC 6455's registry: "Try Again Later", the server is at capacity.
        case .serverBusy: 1013
        // Application range (4000-4999): reconnecting with the same token cannot help.
        case .tokenRevoked: 4401
        case .rateLimited, .tooManyLaps, .tooManyFragments: 1008
        default: nil
        }
    }

    /// Whether the server closes the connection after sending this error (`fatal` on the wire).
    public var isFatal: Bool { closeCode != nil }
}
