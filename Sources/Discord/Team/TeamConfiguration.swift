import Storage

/// The limits of the team tools (`[team]` in config/trailbrake.toml), each explicit so hostile
/// or careless use stays bounded.
public struct TeamConfiguration: Sendable, Equatable {
    /// What the store keeps: events per guild, drivers per event, spans per driver, cars, roles, text.
    public var limits: TeamLimits
    /// The longest race `/event create` accepts, in hours.
    public var maxRaceHours: Int
    /// The shortest stint, in minutes (a 24-hour race of 5-minute stints is 288 stints per car).
    public var minStintMinutes: Int
    /// Choices the stint planner may make before it gives up (docs/team.md).
    public var planSearchBudget: Int
    /// Lines per `/event show` page (each page also stays under Discord's 2,000 characters).
    public var showPageLines: Int
    /// How long before each of their stints a driver gets a reminder DM, in minutes
    /// (`reminder_lead_minutes`, within `reminderLeadBounds`).
    public var reminderLeadMinutes: Int
    /// The longest broadcast message, in characters (`max_broadcast_length`, at most 1,800 so
    /// the DM with its header stays one Discord message).
    public var maxBroadcastLength: Int
    /// Broadcasts a guild may send in 24 hours (`max_broadcasts_per_day`): each DMs up to every member.
    public var maxBroadcastsPerDay: Int
    /// How long the web pages trust a member's Discord roles, in seconds (`web_role_seconds`): a
    /// role removed in Discord counts on a page within this; a form always fetches them again.
    public var webRoleSeconds: Int

    public static let reminderLeadBounds = 5...1_440
    public static let broadcastLengthBounds = 1...1_800

    public init(
        limits: TeamLimits = TeamLimits(), maxRaceHours: Int = 48, minStintMinutes: Int = 20, planSearchBudget: Int = 200_000,
        showPageLines: Int = 30, reminderLeadMinutes: Int = 60, maxBroadcastLength: Int = 1_500, maxBroadcastsPerDay: Int = 20,
        webRoleSeconds: Int = 30
    ) {
        self.limits = limits
        self.maxRaceHours = maxRaceHours
        self.minStintMinutes = minStintMinutes
        self.planSearchBudget = planSearchBudget
        self.showPageLines = showPageLines
        self.reminderLeadMinutes = reminderLeadMinutes
        self.maxBroadcastLength = maxBroadcastLength
        self.maxBroadcastsPerDay = maxBroadcastsPerDay
        self.webRoleSeconds = webRoleSeconds
    }
}
