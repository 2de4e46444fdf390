import CoachServer
import Discord
import IRacing
import ResultsPoller
import ServerSettings
import Storage

/// Team tools for `serve`: the feature (when `[discord]` and `[team]` are enabled), given to the
/// bot, with the members' licences from the shared iRacing client when `[iracing]` is enabled.
enum TeamWiring {
    static func feature(_ configuration: ServerConfiguration, database: TrailbrakeDatabase, client: IRacingClient?) -> TeamFeature? {
        guard configuration.discord.enabled, configuration.team.enabled else { return nil }
        let settings = configuration.team
        let limits = TeamLimits(
            eventsPerGuild: settings.maxEventsPerGuild, driversPerEvent: settings.maxDriversPerEvent,
            spansPerDriver: settings.maxSpansPerDriver, carsPerEvent: settings.maxCarsPerEvent, rolesPerGuild: settings.maxMappedRoles,
            textLength: settings.maxTextLength, versionsPerEvent: settings.maxPlanVersions)
        return TeamFeature(
            database: database,
            configuration: TeamConfiguration(
                limits: limits, maxRaceHours: settings.maxRaceHours, minStintMinutes: settings.minStintMinutes,
                planSearchBudget: settings.planSearchBudget, showPageLines: settings.showPageLines,
                reminderLeadMinutes: settings.reminderLeadMinutes, maxBroadcastLength: settings.maxBroadcastLength,
                maxBroadcastsPerDay: settings.maxBroadcastsPerDay, webRoleSeconds: settings.webRoleSeconds),
            licences: client)
    }
}
