import Foundation
import ArgumentParser
import CoachServer
import CoachVoice
import Integration
import Logging
import Metrics
import ServiceLifecycle
import Storage

/// `trailbrake serve`: runs the server until SIGINT or SIGTERM, then shuts down gracefully
/// (live sessions are finished and their partial laps stored).
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "serve", abstract: "Run the coaching server.")

    @OptionGroup var options: ConfigurationOptions
    @OptionGroup var listen: ListenOptions

    func run() async throws {
        let configuration = try options.load { _ = try listen.apply(to: &$0) }
        let logger = LogSetup.bootstrap(configuration.log)
        let metrics = ServerMetrics()
        MetricsSystem.bootstrap(metrics.factory)

        // Held until the process ends: no second server and no `restore` under this one.
        let dataDirectoryLock = try DataDirectoryClaim.lock(configuration)
        let backend = try Backend.open(configuration, logger: logger)
        let voice = PhraseCacheVoice(configuration.voice)
        var dependencies = backend.serverDependencies(configuration, voice: voice, metrics: metrics, logger: logger)
        // `[tracing]`: nil when off (no exporter, no task); else one tracer for every part.
        let tracing = try TracingWiring.make(configuration, logger: logger)
        dependencies.tracer = tracing?.tracer
        try await FirstRun.ensureDriver(admin: backend.admin)
        try DiscordSignInWiring.wire(configuration, database: backend.database, into: &dependencies)
        // One iRacing client for the poller, the league roster sync and the team sign-up check
        // (one rate-limit budget).
        let iracing = try IRacingClientWiring.makeClient(configuration, logger: logger, tracer: tracing?.tracer)
        // The Discord bot, when enabled (see DiscordSetup for connecting the iRacing poller).
        let league = LeagueWiring.feature(configuration, database: backend.database)
        let team = TeamWiring.feature(configuration, database: backend.database, client: iracing)
        let discordBot = try DiscordSetup.makeBot(
            configuration, database: backend.database, logger: logger, trackedDrivers: backend.trackedDrivers,
            results: backend.resultArchive, reports: StorageCoachingReports(database: backend.database),
            sessionReports: StorageSessionReports(database: backend.database), league: league, team: team, tracer: tracing?.tracer)
        dependencies.coachingFeed = discordBot?.feed
        // The event pages ask the bot for team roles (fresh from Discord) and queue broadcasts on its DM queue.
        dependencies.teamEvents = team.map {
            StorageBackedTeamEvents(database: backend.database, limits: $0.configuration.limits, desk: discordBot?.teamWebDesk())
        }
        dependencies.queueDepths = discordBot.map { [DiscordQueueDepths(bot: $0, repository: DiscordRepository(database: backend.database))] } ?? []
        // The iRacing poller posts through the bot; without one its results go to the log.
        let poller = backend.resultsPoller(configuration, client: iracing, publisher: discordBot, logger: logger)
        dependencies.resultsPollerHealth = poller.map { ResultsPollerHealthAdapter(status: $0.status) }
        dependencies.adminStatus = AdminStatusAdapter(
            bot: discordBot, repository: DiscordRepository(database: backend.database), poller: poller?.status)

        let server = TrailbrakeServer(configuration: configuration, dependencies: dependencies, metrics: metrics, logger: logger)
        let application = try server.makeApplication { url in
            logger.info("listening on \(url)")
        }
        var services: [ServiceGroupConfiguration.ServiceConfiguration] = []
        if let tracing {
            // First, so it is shut down last (the group stops services in reverse order): the
            // server's last spans are flushed. A failing exporter never stops coaching.
            services.append(.init(service: tracing.service, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
        }
        services.append(.init(service: application))
        if let voice, configuration.voice.prerender {
            // Finishing its work is not a reason to stop the server.
            services.append(.init(service: VoicePrerenderService(voice: voice, logger: logger), successTerminationBehavior: .ignore))
        }
        if let discordBot {
            // A bot that stops for good (a refused token) must not stop coaching.
            services.append(.init(service: discordBot, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
        }
        if configuration.storage.telemetryRetentionDays > 0 {
            let retention = TelemetryRetentionService(
                database: backend.database, days: configuration.storage.telemetryRetentionDays, metrics: metrics, logger: logger)
            // Retention is housekeeping: it never stops coaching.
            services.append(.init(service: retention, successTerminationBehavior: .ignore, failureTerminationBehavior: .ignore))
        }
        if let poller { services.append(.init(service: poller)) }
        if let leagueSync = LeagueWiring.syncService(feature: league, client: iracing, bot: discordBot, logger: logger) {
            services.append(.init(service: leagueSync))
        }
        // Last, so it is told first: its line comes before the sessions end.
        services.append(.init(
            service: ShutdownLog(logger: logger, graceSeconds: configuration.live.shutdownGraceSeconds),
            successTerminationBehavior: .ignore))
        let group = ServiceGroup(
            configuration: .init(services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger))
        try await group.run()
        logger.info("stopped")
        withExtendedLifetime(dataDirectoryLock) {}
    }
}

/// On a fresh install, creates driver "driver" and prints its token once, on stdout.
enum FirstRun {
    static let defaultDriverName = "driver"

    static func ensureDriver(admin: any DriverAdmin) async throws {
        guard try await admin.driverCount() == 0 else { return }
        let driver = try await admin.createDriver(name: defaultDriverName)
        let token = try await admin.createToken(driverID: driver.id)
        print("""
            First run: created driver "\(driver.name)". Its token (shown only now, keep it safe):
            \(token)
            Create more with: trailbrake token create --driver NAME
            """)
        // stdout is block-buffered when it is a file or a pipe (systemd, `| tee`): the token must
        // appear now, not when the server stops. `fflush(nil)` flushes every output stream: naming
        // the C global `stdout` is refused in Swift 6 mode (shared mutable state).
        fflush(nil)
    }
}
