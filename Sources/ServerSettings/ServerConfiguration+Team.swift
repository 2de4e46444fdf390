extension ServerConfiguration {
    /// `[team]`: team tools in Discord (docs/team.md): roles, endurance events, sign-up against
    /// iRacing, the stint planner and plan DMs. Needs `[discord]`; sign-up also needs `[iracing]`.
    public struct Team: Sendable, Equatable {
        public var enabled = false
        public var maxEventsPerGuild = 20
        public var maxDriversPerEvent = 60
        public var maxSpansPerDriver = 24
        public var maxCarsPerEvent = 4
        public var maxMappedRoles = 25
        public var maxTextLength = 80
        public var maxPlanVersions = 50
        public var maxRaceHours = 48
        public var minStintMinutes = 20
        public var planSearchBudget = 200_000
        public var showPageLines = 30
        public var reminderLeadMinutes = 60
        public var maxBroadcastLength = 1_500
        public var maxBroadcastsPerDay = 20
        public var webRoleSeconds = 30
        /// The web `/team` page's messages (docs/web.md, "Team"): characters per message,
        /// messages per sender and minute, messages waiting per driver, drivers listed.
        public var messageMaxLength = 120
        public var messagesPerMinute = 4
        public var messagesWaitingPerDriver = 3
        public var pageMaxDrivers = 50
    }
}

extension ConfigurationKey {
    package static let team: [ConfigurationKey] = [
        .boolean("team", "enabled", \.team.enabled),
        .integer("team", "max_events_per_guild", \.team.maxEventsPerGuild, range: 1...1_000),
        .integer("team", "max_drivers_per_event", \.team.maxDriversPerEvent, range: 1...500),
        .integer("team", "max_spans_per_driver", \.team.maxSpansPerDriver, range: 1...500),
        .integer("team", "max_cars_per_event", \.team.maxCarsPerEvent, range: 1...20),
        .integer("team", "max_mapped_roles", \.team.maxMappedRoles, range: 1...250),
        .integer("team", "max_text_length", \.team.maxTextLength, range: 1...200),
        // Each publish DMs every driver of the event: a bound on versions bounds the DMs.
        .integer("team", "max_plan_versions", \.team.maxPlanVersions, range: 1...1_000),
        .integer("team", "max_race_hours", \.team.maxRaceHours, range: 1...168),
        .integer("team", "min_stint_minutes", \.team.minStintMinutes, range: 1...1_440),
        .integer("team", "plan_search_budget", \.team.planSearchBudget, range: 1_000...10_000_000),
        // 30 lines of about 60 characters stay under Discord's 2,000 per message.
        .integer("team", "show_page_lines", \.team.showPageLines, range: 1...100),
        // Stint reminders: 5 minutes to a day before the stint.
        .integer("team", "reminder_lead_minutes", \.team.reminderLeadMinutes, range: 5...1_440),
        // A broadcast and its header stay one DM (2,000 characters).
        .integer("team", "max_broadcast_length", \.team.maxBroadcastLength, range: 1...1_800),
        .integer("team", "max_broadcasts_per_day", \.team.maxBroadcastsPerDay, range: 1...1_000),
        // The web pages' role check: a member's Discord roles kept this long (0: fetched at every page).
        .integer("team", "web_role_seconds", \.team.webRoleSeconds, range: 0...300),
        // A message is said between two corners: a few seconds of speech at most.
        .integer("team", "message_max_length", \.team.messageMaxLength, range: 1...300),
        .integer("team", "messages_per_minute", \.team.messagesPerMinute, range: 1...60),
        .integer("team", "messages_waiting_per_driver", \.team.messagesWaitingPerDriver, range: 1...20),
        .integer("team", "page_max_drivers", \.team.pageMaxDrivers, range: 1...500),
    ]
}
