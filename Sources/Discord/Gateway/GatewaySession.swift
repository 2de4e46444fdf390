/// What survives a dropped connection: enough to resume instead of identifying again.
struct GatewaySession: Sendable, Equatable {
    var sessionID: String?
    var resumeURL: String?
    /// The last sequence number of a dispatch; heartbeats and Resume carry it.
    var sequence: Int?

    var canResume: Bool { sessionID != nil && resumeURL != nil }

    mutating func forget() { self = GatewaySession() }
}

/// How one connection ended, decided by whatever saw the reason first.
enum ConnectionOutcome: Sendable, Equatable {
    case resume(String)
    case reidentify(String, delay: Duration)
    case stop(code: Int, reason: String)
}
