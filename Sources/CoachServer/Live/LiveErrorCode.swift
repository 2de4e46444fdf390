import HummingbirdWebSocket

/// The stable error codes of protocol v1 (docs/protocol.md, "error"). Clients switch on these
/// strings, so they never change meaning.
public enum LiveErrorCode: String, Sendable, CaseIterable {
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
    case `internal`

    /// The close code when this error ends the connection, nil when the connection is kept.
    var closeCode: WebSocketErrorCode? {
        switch self {
        case .unsupportedProtocol: .protocolError  // 1002
        case .helloTimeout, .invalidHello: .policyViolation  // 1008
        case .messageTooLarge: .messageTooLarge  // 1009
        case .invalidUTF8: .dataInconsistentWithMessage  // 1007
        default: nil
        }
    }
}

/// A client mistake found while reading a message: its code, a human explanation, and for
/// `sequence_gap` the sequence the server expects instead.
struct LiveProtocolError: Error, Sendable, Equatable {
    var code: LiveErrorCode
    var message: String
    var expectedSequence: UInt64?

    init(_ code: LiveErrorCode, _ message: String, expectedSequence: UInt64? = nil) {
        self.code = code
        self.message = message
        self.expectedSequence = expectedSequence
    }
}
