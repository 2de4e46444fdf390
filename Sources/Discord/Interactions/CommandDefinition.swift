/// A slash command as registered with bulk overwrite (shape of `bulk_overwrite_request.json`).
public struct CommandDefinition: Sendable, Encodable, Equatable {
    public var name: String
    public var type = 1
    public var description: String
    public var options: [OptionDefinition]?
    /// `"32"` (Manage Server) hides admin commands from other members; the bot checks again.
    public var defaultMemberPermissions: String?

    enum CodingKeys: String, CodingKey {
        case name, type, description, options
        case defaultMemberPermissions = "default_member_permissions"
    }
}

public struct OptionDefinition: Sendable, Encodable, Equatable {
    public var name: String
    public var description: String
    /// 1 sub-command, 3 string, 4 integer, 7 channel.
    public var type: Int
    public var required: Bool?
    public var options: [OptionDefinition]?
    public var choices: [Choice]?
    /// For channel options: 0 text, 5 announcement.
    public var channelTypes: [Int]?
    /// Bounds Discord enforces in its client (the bot checks again): integer values, string lengths.
    public var minValue: Int?
    public var maxValue: Int?
    public var minLength: Int?
    public var maxLength: Int?

    public struct Choice: Sendable, Encodable, Equatable {
        public var name: String
        public var value: String
    }

    enum CodingKeys: String, CodingKey {
        case name, description, type, required, options, choices
        case channelTypes = "channel_types"
        case minValue = "min_value", maxValue = "max_value", minLength = "min_length", maxLength = "max_length"
    }

    static func string(_ name: String, _ description: String, required: Bool = true, choices: [Choice]? = nil) -> Self {
        OptionDefinition(name: name, description: description, type: 3, required: required, choices: choices)
    }
    static func integer(_ name: String, _ description: String) -> Self {
        OptionDefinition(name: name, description: description, type: 4, required: true)
    }
    static func channel(_ name: String, _ description: String) -> Self {
        OptionDefinition(name: name, description: description, type: 7, required: true, channelTypes: [0, 5])
    }
    static func subcommand(_ name: String, _ description: String, _ options: [OptionDefinition]) -> Self {
        OptionDefinition(name: name, description: description, type: 1, options: options.isEmpty ? nil : options)
    }
}

/// Every command the bot registers in a guild.
public enum BotCommands {
    static let manageGuild = String(Interaction.manageGuildPermission)

    public static let all: [CommandDefinition] = [
        CommandDefinition(
            name: "setchannel", description: "Choose where race results or live coaching cues are posted",
            options: [
                .string("kind", "What to post there", choices: [.init(name: "results", value: "results"), .init(name: "cues", value: "cues")]),
                .channel("channel", "The channel"),
            ],
            defaultMemberPermissions: manageGuild),
        CommandDefinition(
            name: "track", description: "Post this iRacing member's results here",
            options: [.integer("member", "iRacing member id (cust_id)")], defaultMemberPermissions: manageGuild),
        CommandDefinition(
            name: "untrack", description: "Stop posting this iRacing member's results",
            options: [.integer("member", "iRacing member id (cust_id)")], defaultMemberPermissions: manageGuild),
        CommandDefinition(name: "list", description: "List the tracked iRacing members"),
        CommandDefinition(
            name: "lastrace", description: "Show a tracked member's latest result",
            options: [.integer("member", "iRacing member id (cust_id)")]),
        CommandDefinition(
            name: "settz", description: "Set the time zone results are shown in",
            options: [.string("zone", "IANA zone, e.g. Europe/Berlin")], defaultMemberPermissions: manageGuild),
        CommandDefinition(
            name: "coach", description: "Trailbrake live coaching in this server",
            options: [
                .subcommand("follow", "Mirror a driver's laps and cues into a channel", [
                    .string("driver", "Trailbrake driver name"), .channel("channel", "Where to post"),
                ]),
                .subcommand("unfollow", "Stop mirroring a driver", [.string("driver", "Trailbrake driver name")]),
                .subcommand("report", "The driver's last session, corner by corner", [
                    .string("driver", "Trailbrake driver name"),
                    OptionDefinition(name: "dm", description: "Send it to me by direct message", type: 5, required: false),
                ]),
                .subcommand("link", "Let this server see a driver, with the driver's one-time code", [
                    .string("code", "The code from `trailbrake discord link-code`"),
                ]),
                .subcommand("unlink", "Stop this server seeing a driver", [.string("driver", "Trailbrake driver name")]),
            ]),
    ]
}
