/// What to do after the gateway socket closed with a code
/// (`developers/topics/opcodes-and-status-codes.mdx`, "Gateway Close Event Codes").
enum GatewayCloseAction: Equatable {
    /// Reconnect on the resume URL and resume the session.
    case resume
    /// Reconnect on the gateway URL and identify a new session.
    case reidentify
    /// Do not reconnect: the reason needs the operator.
    case stop(String)

    init(closeCode: Int?) {
        switch closeCode {
        case 4004: self = .stop("authentication failed: check the bot token")
        case 4010: self = .stop("invalid shard")
        case 4011: self = .stop("sharding required")
        case 4012: self = .stop("invalid API version")
        case 4013: self = .stop("invalid intents")
        case 4014: self = .stop("disallowed intents: enable them in the Developer Portal or drop them")
        case 4003, 4007, 4009: self = .reidentify
        default: self = .resume
        }
    }
}
