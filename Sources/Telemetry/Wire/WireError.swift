/// A client's input the server refuses, with a stable code and a message for a person.
///
/// Decoders and the validator throw it; the server turns it into an `error` message as is.
public struct WireError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: ProtocolErrorCode
    public var message: String
    /// For `sequence_gap`: the sequence the server expects next (`expected` on the wire).
    public var expectedSequence: UInt64?

    public init(_ code: ProtocolErrorCode, _ message: String, expectedSequence: UInt64? = nil) {
        self.code = code
        self.message = message
        self.expectedSequence = expectedSequence
    }

    public var description: String { "\(code.rawValue): \(message)" }
}
