import Foundation

/// Gateway opcodes the bot sends or handles (`developers/topics/opcodes-and-status-codes.mdx`).
enum GatewayOpcode: Int {
    case dispatch = 0
    case heartbeat = 1
    case identify = 2
    case resume = 6
    case reconnect = 7
    case invalidSession = 9
    case hello = 10
    case heartbeatACK = 11
}

/// A received gateway message: opcode, sequence, event name and the raw `d`.
struct GatewayFrame: Sendable {
    var op: Int
    var sequence: Int?
    var name: String?
    var data: Data

    /// Parses one text message; nil for anything that is not a gateway payload.
    init?(text: String) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any],
            let op = object["op"] as? Int
        else { return nil }
        self.op = op
        self.sequence = object["s"] as? Int
        self.name = object["t"] as? String
        if let payload = object["d"], !(payload is NSNull),
            let data = try? JSONSerialization.data(withJSONObject: payload, options: [.fragmentsAllowed])
        {
            self.data = data
        } else {
            self.data = Data("null".utf8)
        }
    }

    func decode<T: Decodable>(_ type: T.Type) -> T? { try? JSONDecoder().decode(type, from: data) }
}

/// An event Discord dispatched (op 0), handed to the bot.
public struct GatewayDispatch: Sendable {
    /// `READY`, `GUILD_CREATE`, `INTERACTION_CREATE`, ...
    public var name: String
    public var sequence: Int?
    /// The event's `d`, as JSON.
    public var data: Data
}

struct HelloData: Decodable {
    var heartbeatInterval: Int
    enum CodingKeys: String, CodingKey { case heartbeatInterval = "heartbeat_interval" }
}

struct ReadyData: Decodable {
    var sessionID: String
    var resumeGatewayURL: String
    var application: Application?
    struct Application: Decodable { var id: String }
    enum CodingKeys: String, CodingKey {
        case sessionID = "session_id"
        case resumeGatewayURL = "resume_gateway_url"
        case application
    }
}

/// Outgoing payloads, encoded with the token only where Discord needs it. Never logged.
enum GatewayCommand {
    struct Envelope<D: Encodable>: Encodable {
        var op: Int
        var d: D
    }

    struct Identify: Encodable {
        var token: String
        var intents: Int
        var properties: [String: String]
    }

    struct Resume: Encodable {
        var token: String
        var sessionID: String
        var seq: Int?
        enum CodingKeys: String, CodingKey {
            case token, seq
            case sessionID = "session_id"
        }
    }

    static func heartbeat(sequence: Int?) -> String {
        "{\"op\":1,\"d\":\(sequence.map(String.init) ?? "null")}"
    }

    static func identify(token: DiscordToken, intents: GatewayIntents) -> String {
        let properties = ["os": "linux", "browser": "trailbrake", "device": "trailbrake"]
        return encode(Envelope(op: 2, d: Identify(token: token.value, intents: intents.rawValue, properties: properties)))
    }

    static func resume(token: DiscordToken, sessionID: String, sequence: Int?) -> String {
        encode(Envelope(op: 6, d: Resume(token: token.value, sessionID: sessionID, seq: sequence)))
    }

    private static func encode(_ value: some Encodable) -> String {
        String(decoding: (try? JSONEncoder().encode(value)) ?? Data(), as: UTF8.self)
    }
}

/// Gateway intents: which events Discord sends us.
public struct GatewayIntents: OptionSet, Sendable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `GUILDS`: GUILD_CREATE tells the bot which guilds it is in, so it can register its slash
    /// commands per guild. Interactions need no intent, and no privileged intent is used.
    public static let guilds = GatewayIntents(rawValue: 1 << 0)
}
