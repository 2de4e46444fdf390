import CoachServer
import Discord
import Foundation
import Integration
import Logging
import ServerSettings
import Storage
import Tracing

/// Builds the Discord bot from `[discord]` when it is enabled.
///
/// This is the one place the bot meets the other parts: the iRacing poller (when present)
/// passes its tracked-driver directory and result archive here and takes the returned bot as
/// its `RaceResultPublisher`; the live server takes `bot.feed` as its `CoachingFeedSink`.
enum DiscordSetup {
    static func makeBot(
        _ configuration: ServerConfiguration, database: TrailbrakeDatabase, logger: Logger,
        trackedDrivers: (any TrackedDriverDirectory)? = nil, results: (any RaceResultArchive)? = nil,
        reports: (any CoachingReportSource)? = nil, sessionReports: (any SessionReportTextSource)? = nil,
        league: LeagueFeature? = nil, team: TeamFeature? = nil, tracer: (any Tracer)? = nil
    ) throws -> DiscordBot? {
        let settings = configuration.discord
        guard settings.enabled else { return nil }
        let token = try DiscordToken.load(
            environment: ProcessInfo.processInfo.environment, tokenFile: settings.tokenFile.isEmpty ? nil : settings.tokenFile)
        let discord = DiscordConfiguration(
            applicationID: settings.applicationID.isEmpty ? nil : settings.applicationID, restBaseURL: settings.restBaseURL,
            gatewayURLOverride: settings.gatewayURL.isEmpty ? nil : settings.gatewayURL,
            userAgent: "DiscordBot (https://github.com/trailbrake/trailbrake, \(CoachServerVersion.serverVersion))",
            feedBatchInterval: .milliseconds(Int64(settings.feedBatchSeconds * 1_000)),
            feedMinimumSeverity: settings.feedMinimumSeverity, resultCheckMessages: settings.resultCheckMessages)
        return DiscordBot(
            configuration: discord, token: token, repository: DiscordRepository(database: database),
            trackedDrivers: trackedDrivers, results: results, reports: reports, sessionReports: sessionReports, league: league, team: team,
            logger: logger.withComponent("discord"), tracer: tracer)
    }
}
