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

    public init(
        limits: TeamLimits = TeamLimits(), maxRaceHours: Int = 48, minStintMinutes: Int = 20, planSearchBudget: Int = 200_000,
        showPageLines: Int = 30
    ) {
        self.limits = limits
        self.maxRaceHours = maxRaceHours
        self.minStintMinutes = minStintMinutes
        self.planSearchBudget = planSearchBudget
        self.showPageLines = showPageLines
    }
}
