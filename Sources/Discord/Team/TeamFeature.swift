import Integration
import Storage

/// What the bot needs for the team tools: the store, the limits and, when iRacing is
/// connected, the members' licences for the sign-up check. Made once by the server and handed
/// to the bot (`DiscordBot(team:)`).
public struct TeamFeature: Sendable {
    public let repository: TeamRepository
    public let configuration: TeamConfiguration
    /// Nil: sign-ups are refused with `iracing_unavailable` (limits cannot be checked).
    public let licences: (any MemberLicenceSource)?
    /// The clock stint reminders go by (the wall clock, or a shifted one in tests).
    public let clock: any TeamClock

    public init(
        database: TrailbrakeDatabase, configuration: TeamConfiguration = TeamConfiguration(), licences: (any MemberLicenceSource)?,
        clock: any TeamClock = SystemTeamClock()
    ) {
        self.repository = TeamRepository(database: database, limits: configuration.limits)
        self.configuration = configuration
        self.licences = licences
        self.clock = clock
    }
}
