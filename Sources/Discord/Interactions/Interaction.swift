/// An `INTERACTION_CREATE` as the bot reads it: a slash command in a guild. Unknown keys are
/// ignored (Discord adds fields freely).
public struct Interaction: Sendable, Decodable {
    public var id: String
    public var applicationID: String?
    public var type: Int
    public var token: String
    public var guildID: String?
    public var channelID: String?
    public var member: Member?
    public var data: CommandData?
    /// The invoking user's Discord client language ("tr", "en-US"); decides replies outside a server.
    public var locale: String?
    /// The guild's preferred locale as Discord has it (informational: the guild's stored language wins).
    public var guildLocale: String?

    enum CodingKeys: String, CodingKey {
        case id, type, token, member, data, locale
        case guildLocale = "guild_locale"
        case applicationID = "application_id"
        case guildID = "guild_id"
        case channelID = "channel_id"
    }

    public struct Member: Sendable, Decodable {
        public var user: User?
        /// The member's permissions in the channel, a decimal bit set as a string.
        public var permissions: String?
        /// The member's role ids (league admins are found by role).
        public var roles: [String]?
    }

    public struct User: Sendable, Decodable {
        public var id: String
        public var username: String?
    }

    public struct CommandData: Sendable, Decodable {
        public var name: String
        public var options: [Option]?
    }

    /// An option, or a sub-command holding options.
    public struct Option: Sendable, Decodable {
        public var name: String
        public var type: Int
        public var value: OptionValue?
        public var options: [Option]?
    }

    /// Manage Server (`1 << 5`), which the admin commands need.
    public static let manageGuildPermission: UInt64 = 1 << 5
    /// Administrator (`1 << 3`) implies every permission.
    static let administratorPermission: UInt64 = 1 << 3

    /// Whether the invoking member may change the guild's settings.
    public var memberCanManageGuild: Bool {
        guard let text = member?.permissions, let bits = UInt64(text) else { return false }
        return bits & Self.manageGuildPermission != 0 || bits & Self.administratorPermission != 0
    }

    /// The sub-command (for `/coach follow`) or nil for a plain command.
    var subcommand: Option? {
        data?.options?.first { $0.type == 1 }
    }

    /// The options of the command or of its sub-command.
    var arguments: [Option] {
        subcommand?.options ?? data?.options?.filter { $0.type != 1 } ?? []
    }

    func string(_ name: String) -> String? {
        guard case .string(let text) = arguments.first(where: { $0.name == name })?.value else { return nil }
        return text
    }

    func integer(_ name: String) -> Int64? {
        switch arguments.first(where: { $0.name == name })?.value {
        case .integer(let value): value
        case .string(let text): Int64(text)
        default: nil
        }
    }
}

/// An option's value: strings (also channel ids), integers, numbers or booleans.
public enum OptionValue: Sendable, Decodable, Equatable {
    case string(String)
    case integer(Int64)
    case number(Double)
    case boolean(Bool)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let flag = try? container.decode(Bool.self) {
            self = .boolean(flag)
        } else if let integer = try? container.decode(Int64.self) {
            self = .integer(integer)
        } else if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else {
            self = .string(try container.decode(String.self))
        }
    }
}
