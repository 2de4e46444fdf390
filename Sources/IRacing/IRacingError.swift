/// Everything the iRacing client throws, with a stable code for logs, metrics and the health
/// endpoint.
///
/// Descriptions carry only the endpoint path and iRacing's own error words, never a token,
/// a password or a client secret: errors end up in logs.
public enum IRacingError: Error, Sendable, Equatable {
    /// iRacing refused the credentials or the token (after the one retry with a fresh token).
    case unauthorized(String)
    /// The OAuth service refused a grant; the associated value is the RFC 6749 error code
    /// (`invalid_grant`, `invalid_client`, ...).
    case authenticationFailed(String)
    /// No credentials were configured (which variable or key is missing).
    case missingCredentials(String)
    /// Still rate limited after waiting for the reset.
    case rateLimited(String)
    /// The site is down for maintenance (HTTP 503).
    case maintenance(String)
    case badRequest(String)
    case notFound(String)
    /// A body that does not have the expected shape.
    case decoding(String)
    /// Connection refused, timeout, unexpected status.
    case transport(String)
    /// A pre-signed link that is no longer valid (S3 answers 403); the client asks for a new one.
    case linkExpired(String)
    /// Too many failures in a row: calls fail fast until the cool-down ends.
    case circuitOpen
    /// The refresh-token file could not be read or written.
    case tokenStorage(String)

    /// Stable machine-readable code.
    public var code: String {
        switch self {
        case .unauthorized: "unauthorized"
        case .authenticationFailed: "authentication_failed"
        case .missingCredentials: "missing_credentials"
        case .rateLimited: "rate_limited"
        case .maintenance: "maintenance"
        case .badRequest: "bad_request"
        case .notFound: "not_found"
        case .decoding: "decoding"
        case .transport: "transport"
        case .linkExpired: "link_expired"
        case .circuitOpen: "circuit_open"
        case .tokenStorage: "token_storage"
        }
    }

    /// Whether waiting and trying again can help (5xx, maintenance, network).
    var isTransient: Bool {
        switch self {
        case .maintenance, .transport: true
        default: false
        }
    }
}

extension IRacingError: CustomStringConvertible {
    public var description: String {
        switch self {
        case .circuitOpen: code
        case .unauthorized(let detail), .authenticationFailed(let detail), .missingCredentials(let detail),
            .rateLimited(let detail), .maintenance(let detail), .badRequest(let detail), .notFound(let detail),
            .decoding(let detail), .transport(let detail), .tokenStorage(let detail), .linkExpired(let detail):
            "\(code): \(detail)"
        }
    }
}
