/// The league-numbers slash commands, registered beside the bot's own when the feature is on.
///
/// Only `/setup` carries `default_member_permissions` ("32", Manage Server): it is what names the
/// admin role. The other admin commands stay visible so that members of the admin role can use
/// them with no Discord setting; the bot refuses everyone else with a clear reply.
enum LeagueCommandDefinitions {
    static let memberCommands: Set<String> = ["claim", "release", "mynumbers", "link", "roster", "available", "check", "help"]
    static let adminCommands: Set<String> = [
        "setup", "config", "forcerelease", "assign", "sync", "syncstatus", "export", "auditlog",
    ]
    static var names: Set<String> { memberCommands.union(adminCommands) }

    static let all: [CommandDefinition] = members + admins

    private static func number(_ description: String) -> OptionDefinition {
        OptionDefinition(name: "number", description: description, type: 3, required: true, minLength: 1, maxLength: 3)
    }

    private static func integer(_ name: String, _ description: String, required: Bool, _ range: ClosedRange<Int>) -> OptionDefinition {
        OptionDefinition(
            name: name, description: description, type: 4, required: required, minValue: range.lowerBound, maxValue: range.upperBound)
    }

    private static func user(_ name: String, _ description: String, required: Bool) -> OptionDefinition {
        OptionDefinition(name: name, description: description, type: 6, required: required)
    }

    private static func role(required: Bool) -> OptionDefinition {
        OptionDefinition(name: "admin_role", description: "Members with this role may use the admin commands", type: 8, required: required)
    }

    private static func channel(required: Bool) -> OptionDefinition {
        OptionDefinition(
            name: "channel", description: "Where claims, releases and sync differences are announced", type: 7, required: required,
            channelTypes: [0, 5])
    }

    private static func language(_ name: String, required: Bool) -> OptionDefinition {
        .string(name, "Language of replies and announcements", required: required, choices: [
            .init(name: "English", value: "en"), .init(name: "Türkçe", value: "tr"),
        ])
    }

    static let members: [CommandDefinition] = [
        CommandDefinition(name: "claim", description: "Claim a free car number", options: [number("The number, e.g. 7 or 42")]),
        CommandDefinition(name: "release", description: "Give back a number you hold", options: [number("Your number")]),
        CommandDefinition(name: "mynumbers", description: "The numbers you hold and your iRacing link"),
        CommandDefinition(
            name: "link", description: "Link your iRacing member id (checked against the league roster)",
            options: [
                integer("iracing_id", "Your iRacing member (customer) id", required: true, 1...999_999_999),
                user("user", "Admins: link this member instead (takes the id from whoever had it)", required: false),
            ]),
        CommandDefinition(
            name: "roster", description: "Every held number with its holder and sync state",
            options: [integer("page", "Page number", required: false, 1...1_000)]),
        CommandDefinition(
            name: "available", description: "Free numbers, in the league's range or between FROM and TO",
            options: [
                integer("from", "Lowest number", required: false, 0...999), integer("to", "Highest number", required: false, 0...999),
            ]),
        CommandDefinition(name: "check", description: "Who holds a number", options: [number("The number")]),
        CommandDefinition(name: "help", description: "What the league-numbers commands do"),
    ]

    static let admins: [CommandDefinition] = [
        CommandDefinition(
            name: "setup", description: "Set up league numbers: range, iRacing league, admin role, channel",
            options: [
                integer("from", "Lowest number members may claim", required: true, 0...999),
                integer("to", "Highest number members may claim", required: true, 0...999),
                integer("league_id", "The iRacing league id", required: false, 1...999_999_999),
                role(required: false), channel(required: false), language("language", required: false),
            ],
            defaultMemberPermissions: BotCommands.manageGuild),
        CommandDefinition(
            name: "config", description: "Show or change the league-numbers settings (admins)",
            options: [
                .subcommand("show", "Show every setting", []),
                .subcommand("league", "The iRacing league (0: none)", [
                    integer("league_id", "iRacing league id", required: true, 0...999_999_999),
                ]),
                .subcommand("range", "The numbers members may claim", [
                    integer("from", "Lowest number", required: true, 0...999), integer("to", "Highest number", required: true, 0...999),
                ]),
                .subcommand("adminrole", "The admin role (Manage Server only; empty: none)", [role(required: false)]),
                .subcommand("channel", "The announcement channel (empty: none)", [channel(required: false)]),
                .subcommand("language", "Language of replies and announcements", [language("value", required: true)]),
                .subcommand("perperson", "Numbers one member may hold", [integer("count", "Numbers per member", required: true, 1...100)]),
                .subcommand("leadingzeros", "Whether 07 may be claimed apart from 7", [
                    OptionDefinition(name: "allow", description: "Allow numbers with leading zeros", type: 5, required: true),
                ]),
                .subcommand("syncinterval", "Minutes between scheduled syncs (0: none)", [
                    integer("minutes", "Minutes", required: true, 0...LeagueConfiguration.maximumSyncIntervalMinutes),
                ]),
            ]),
        CommandDefinition(name: "forcerelease", description: "Release anyone's number (admins)", options: [number("The number")]),
        CommandDefinition(
            name: "assign", description: "Give a number to a member (admins)",
            options: [number("The number"), user("user", "The member", required: true)]),
        CommandDefinition(name: "sync", description: "Check the numbers against the iRacing roster now (admins)"),
        CommandDefinition(name: "syncstatus", description: "The last sync and what differed (admins)"),
        CommandDefinition(name: "export", description: "The roster as a CSV file (admins)"),
        CommandDefinition(
            name: "auditlog", description: "Recent changes (admins)",
            options: [
                user("user", "Only changes by or about this member", required: false),
                integer("limit", "How many", required: false, 1...100),
            ]),
    ]
}
