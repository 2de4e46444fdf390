/// Errors the Discord client and bot report, each with a stable code for logs and tests.
///
/// Messages never include the bot token: requests are described by method and route only.
public enum DiscordError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No token in `TRAILBRAKE_DISCORD_TOKEN` nor in the token file.
    case missingToken(String)
    /// A configuration value that cannot work (bad URL, bad application id).
    case invalidConfiguration(String)
    /// Discord answered with an error status; `code` is Discord's JSON error code when present.
    case http(status: Int, code: Int?, route: String)
    /// 401: the token is invalid; the client stops sending anything.
    case unauthorized
    /// Too many 401/403/429 answers recently: the client pauses before Cloudflare bans it.
    case invalidRequestBudgetExhausted
    /// Still rate limited after the allowed retries.
    case rateLimited(route: String)
    /// The gateway closed with a code that must not be retried (4004, 4010-4014).
    case gatewayClosed(code: Int, reason: String)
    /// A payload from Discord that does not decode.
    case malformedPayload(String)
    /// A message that cannot be made to fit Discord's limits (a single over-long line).
    case messageTooLarge(String)
    /// The network request failed before Discord answered.
    case transport(String)

    public var code: String {
        switch self {
        case .missingToken: "missing_token"
        case .invalidConfiguration: "invalid_configuration"
        case .http: "http_error"
        case .unauthorized: "unauthorized"
        case .invalidRequestBudgetExhausted: "invalid_request_budget_exhausted"
        case .rateLimited: "rate_limited"
        case .gatewayClosed: "gateway_closed"
        case .malformedPayload: "malformed_payload"
        case .messageTooLarge: "message_too_large"
        case .transport: "transport_error"
        }
    }

    public var description: String {
        switch self {
        case .missingToken(let detail): "\(code): \(detail)"
        case .invalidConfiguration(let detail): "\(code): \(detail)"
        case .http(let status, let discordCode, let route): "\(code): \(route) answered \(status)\(discordCode.map { " (Discord code \($0))" } ?? "")"
        case .unauthorized: "\(code): Discord refused the bot token"
        case .invalidRequestBudgetExhausted: "\(code): too many rejected requests recently; pausing"
        case .rateLimited(let route): "\(code): \(route) stayed rate limited"
        case .gatewayClosed(let closeCode, let reason): "\(code): gateway closed with \(closeCode) (\(reason))"
        case .malformedPayload(let detail): "\(code): \(detail)"
        case .messageTooLarge(let detail): "\(code): \(detail)"
        case .transport(let detail): "\(code): \(detail)"
        }
    }
}
