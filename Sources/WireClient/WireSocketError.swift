/// Why a WebSocket to the server could not be opened or ended abnormally. `code` is stable (the
/// client's status line and docs/client.md name them); messages never carry a token.
public enum WireSocketError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The server address cannot be used (scheme, host, port).
    case invalidURL(String)
    /// TCP could not connect (refused, unreachable, timed out).
    case unreachable(String)
    /// The TLS handshake failed: untrusted or mismatching certificate, or a CA file problem.
    case tls(String)
    /// The server answered the upgrade with an HTTP status instead of 101 (401: the token).
    case refused(status: Int, body: String)
    /// A step took longer than its limit (connect, upgrade, close handshake).
    case timedOut(String)
    /// The server broke the WebSocket protocol (a frame too large, an unmasked close ...).
    case protocolViolation(String)

    public var code: String {
        switch self {
        case .invalidURL: "invalid_url"
        case .unreachable: "unreachable"
        case .tls: "tls_failed"
        case .refused(let status, _): status == 401 ? "unauthorized" : "upgrade_refused"
        case .timedOut: "timed_out"
        case .protocolViolation: "protocol_violation"
        }
    }

    /// True when retrying cannot help: the person must fix the URL, token or trust.
    public var isPermanent: Bool {
        switch self {
        case .invalidURL, .tls: true
        case .refused(let status, _): status == 401 || status == 403 || status == 404
        case .unreachable, .timedOut, .protocolViolation: false
        }
    }

    public var description: String {
        switch self {
        case .invalidURL(let why): "invalid server URL: \(why)"
        case .unreachable(let why): "server unreachable: \(why)"
        case .tls(let why): "TLS failed: \(why)"
        case .refused(let status, let body):
            status == 401 ? "the server refused the token (HTTP 401)" : "the server refused the WebSocket upgrade (HTTP \(status)) \(body.prefix(200))"
        case .timedOut(let step): "timed out: \(step)"
        case .protocolViolation(let why): "WebSocket protocol error: \(why)"
        }
    }
}
