import Storage

/// What the bot needs for league numbers: the store, the limits, the line to the sync service
/// and the announcement queue. Made once by the server and handed to both the bot
/// (`DiscordBot(league:)`) and the `LeagueSyncService`, so neither holds the other.
public struct LeagueFeature: Sendable {
    public let repository: LeagueRepository
    public let configuration: LeagueConfiguration
    public let syncRequests: LeagueSyncRequests
    public let announcements: LeagueAnnouncementQueue

    public init(database: TrailbrakeDatabase, configuration: LeagueConfiguration = LeagueConfiguration()) {
        self.repository = LeagueRepository(database: database)
        self.configuration = configuration
        self.syncRequests = LeagueSyncRequests(
            maxWaiting: configuration.maxWaitingSyncRequests, cooldown: .seconds(configuration.manualSyncCooldownSeconds))
        self.announcements = LeagueAnnouncementQueue(capacity: configuration.announcementQueueCapacity)
    }
}
