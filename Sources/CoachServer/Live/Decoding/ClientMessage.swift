import Telemetry

/// A decoded client message (docs/protocol.md, client → server).
enum ClientMessage: Sendable {
    case hello(ClientHello)
    case frames(FrameBatch)
}

/// The `hello` that opens a session.
struct ClientHello: Sendable, Equatable {
    var descriptor: SessionDescriptor
    /// `en` or `tr`.
    var language: String
    var voice: Bool
    /// `binary` or `json`: what the client intends to send (both are accepted anyway).
    var codec: String
    var resume: ResumeRequest?
}

/// `hello.resume`: the session the client had and the last sequence it saw acknowledged.
struct ResumeRequest: Sendable, Equatable {
    var sessionID: String
    var lastAcknowledgedSequence: UInt64
}
