import CoachServer
import Discord
import IRacing
import Logging
import ResultsPoller
import ServerSettings
import Storage

/// League car numbers for `serve`: the feature (when `[discord]` and `[league]` are enabled),
/// given to the bot, and its roster sync service (when `[iracing]` is enabled too), which uses
/// the shared iRacing client and posts through the bot.
enum LeagueWiring {
    static func feature(_ configuration: ServerConfiguration, database: TrailbrakeDatabase) -> LeagueFeature? {
        guard configuration.discord.enabled, configuration.league.enabled else { return nil }
        let settings = configuration.league
        return LeagueFeature(
            database: database,
            configuration: LeagueConfiguration(
                defaultSyncIntervalMinutes: settings.syncIntervalMinutes, minimumSyncIntervalMinutes: settings.minSyncIntervalMinutes,
                guildsPerSyncCycle: settings.guildsPerSyncCycle, manualSyncCooldownSeconds: settings.manualSyncCooldownSeconds,
                maxWaitingSyncRequests: settings.maxWaitingSyncRequests, maxRosterMembers: settings.maxRosterMembers,
                maxNumbersPerMember: settings.maxNumbersPerMember, rosterPageLines: settings.rosterPageLines,
                auditLogMaxEntries: settings.auditLogMaxEntries, linkRosterMaxAgeSeconds: settings.linkRosterMaxAgeSeconds,
                announcementQueueCapacity: settings.announcementQueueCapacity))
    }

    static func syncService(feature: LeagueFeature?, client: IRacingClient?, bot: DiscordBot?, logger: Logger) -> LeagueSyncService? {
        guard let feature, let client, let bot else { return nil }
        return LeagueSyncService(feature: feature, roster: client, announcer: bot, logger: logger.withComponent("league"))
    }
}
