import EndurancePlanner

/// The team-tools slash commands, registered beside the bot's own when the feature is on. None
/// carries `default_member_permissions`: who may run what is the team role (`/team roles`),
/// checked by the bot at each interaction.
enum TeamCommandDefinitions {
    static let names: Set<String> = ["team", "event"]

    static let all: [CommandDefinition] = [team, event]

    private static func integer(_ name: String, _ description: String, required: Bool = true, _ range: ClosedRange<Int>) -> OptionDefinition {
        OptionDefinition(
            name: name, description: description, type: 4, required: required, minValue: range.lowerBound, maxValue: range.upperBound)
    }

    private static func text(_ name: String, _ description: String, required: Bool = true, maxLength: Int = 100) -> OptionDefinition {
        OptionDefinition(name: name, description: description, type: 3, required: required, minLength: 1, maxLength: maxLength)
    }

    private static func flag(_ name: String, _ description: String) -> OptionDefinition {
        OptionDefinition(name: name, description: description, type: 5, required: false)
    }

    private static let eventOption = integer("event", "The event number", 1...1_000_000)
    private static let carOption = integer("car", "The car (1 is the first car)", 1...20)

    private static func user(_ name: String, _ description: String, required: Bool = true) -> OptionDefinition {
        OptionDefinition(name: name, description: description, type: 6, required: required)
    }

    private static func language(_ name: String, required: Bool) -> OptionDefinition {
        .string(name, "Language of replies and DMs", required: required, choices: [
            .init(name: "English", value: "en"), .init(name: "Türkçe", value: "tr"),
        ])
    }

    static let team = CommandDefinition(
        name: "team", description: "Team roles and language",
        options: [
            .subcommand("roles", "Show the role mapping, or map a Discord role to a team role (admins)", [
                OptionDefinition(name: "role", description: "The Discord role", type: 8, required: false),
                .string("level", "The team role it gives (none: remove)", required: false, choices: [
                    .init(name: "owner", value: "owner"), .init(name: "admin", value: "admin"), .init(name: "member", value: "member"),
                    .init(name: "guest", value: "guest"), .init(name: "none", value: "none"),
                ]),
            ]),
            .subcommand("language", "The team's language (admins)", [language("value", required: true)]),
            .subcommand("help", "What the team commands do", []),
            .subcommand("broadcast", "DM a message to the team members with a role or above (admins)", [
                text("message", "The message", maxLength: 1_800),
                .string("role", "Who gets it: this team role or above (default member)", required: false, choices: [
                    .init(name: "member", value: "member"), .init(name: "admin", value: "admin"), .init(name: "owner", value: "owner"),
                ]),
            ]),
            .subcommand("broadcast-status", "Delivered, waiting, and who closed their DMs (admins)", [
                integer("broadcast", "The broadcast number", 1...1_000_000),
            ]),
        ])

    static let event = CommandDefinition(
        name: "event", description: "Endurance events: sign-up, hours, the stint plan",
        options: [
            .subcommand("create", "Create an event (admins)", [
                text("name", "Event name"), text("track", "Track"),
                text("start", "Green flag in UTC: YYYY-MM-DD HH:MM", maxLength: 20),
                integer("hours", "Race length in hours", 1...168), integer("stint_minutes", "Stint length in minutes", 1...1_440),
                integer("cars", "Team cars", required: false, 1...20),
                .string("category", "Licence category the limits are checked in", required: false,
                    choices: LicenceCategory.allCases.map { .init(name: $0.rawValue, value: $0.rawValue) }),
                integer("min_irating", "Minimum iRating", required: false, 0...20_000),
                integer("max_irating", "Maximum iRating", required: false, 0...20_000),
                .string("min_licence", "Minimum licence class", required: false,
                    choices: ["R", "D", "C", "B", "A"].map { .init(name: $0, value: $0) }),
                OptionDefinition(name: "min_sr", description: "Minimum safety rating", type: 10, required: false),
                integer("max_driving_hours", "Most hours one driver drives (default 6)", required: false, 1...48),
                integer("min_rest_hours", "Least rest between a driver's stints (default 2)", required: false, 0...24),
                flag("spotter", "Every stint needs a spotter"),
            ]),
            .subcommand("signup", "Sign up for an event (your iRacing limits are checked)", [
                eventOption, integer("member_id", "Your iRacing member (customer) id", 1...999_999_999),
                text("tz", "Your time zone, e.g. Europe/Istanbul", maxLength: 64), language("language", required: false),
            ]),
            .subcommand("available", "Mark hours you can drive, on your own clock", [
                eventOption, text("day", "The day: YYYY-MM-DD", maxLength: 10), integer("hour", "Starting hour, 0-23", 0...23),
                integer("hours", "How many hours", 1...48), flag("preferred", "You would rather drive these hours"),
            ]),
            .subcommand("plan", "Propose a stint plan (admins)", [eventOption]),
            .subcommand("publish", "Publish the proposed plan and DM every driver (admins)", [eventOption]),
            .subcommand("show", "The published plan in your time zone", [eventOption, integer("page", "Page", required: false, 1...1_000)]),
            .subcommand("assign", "Give a stint to a driver in the plan to publish (admins)", [
                eventOption, carOption, integer("stint", "The stint number", 1...10_000), user("driver", "Who drives it"),
                user("spotter", "Who spots it", required: false),
            ]),
            .subcommand("captain", "Make a crew member a car's captain (admins)", [eventOption, carOption, user("driver", "The captain")]),
            .subcommand("crew", "Add a driver to a car's crew or remove one (admins)", [
                eventOption, carOption, user("driver", "The driver"),
                .string("action", "Add (default) or remove", required: false, choices: [
                    .init(name: "add", value: "add"), .init(name: "remove", value: "remove"),
                ]),
            ]),
            .subcommand("delete", "Delete an event with its plans and queued DMs (admins)", [
                eventOption, flag("confirm", "Yes, delete it for good"),
            ]),
            .subcommand("broadcast", "DM a message to an event's drivers or a car's crew (admins)", [
                eventOption, text("message", "The message", maxLength: 1_800),
                integer("car", "Only this car's crew (1 is the first car)", required: false, 1...20),
            ]),
        ])
}
