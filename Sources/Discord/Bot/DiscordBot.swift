import Foundation
import Integration
import Logging
import ServiceLifecycle
import Storage
import Tracing

/// The Discord bot, a Service beside the coaching server: the gateway for slash commands, the
/// live feed drainer and the DM queue worker run as child tasks; results arrive through
/// `publish`. Nothing here is on the live coaching path: the server only calls `feed.offer`.
public final class DiscordBot: Service, RaceResultPublisher, Sendable {
    public let configuration: DiscordConfiguration
    /// Hand this to the live server as its `CoachingFeedSink`.
    public let feed: CoachingFeedQueue
    let rest: DiscordREST
    /// The bot's own HTTP client, closed when `run` ends so a stopped bot leaves no connection open.
    let http = BotHTTPClient()
    let repository: DiscordRepository
    let trackedDrivers: (any TrackedDriverDirectory)?
    let results: (any RaceResultArchive)?
    let reports: (any CoachingReportSource)?
    /// The session report DMed to a linked driver when a session ends; nil: no such DMs.
    let sessionReports: (any SessionReportTextSource)?
    /// League car numbers (League/), when `[league]` is enabled.
    let league: LeagueFeature?
    /// Team tools (Team/), when `[team]` is enabled.
    let team: TeamFeature?
    let state: BotState
    let token: DiscordToken
    let gatewayTiming: GatewayTiming
    let directMessages: DirectMessageWorker
    /// Stint reminders (Team/Reminders), when `[team]` is enabled.
    let teamReminders: TeamReminderScheduler?
    let logger: Logger

    public init(
        configuration: DiscordConfiguration, token: DiscordToken, repository: DiscordRepository,
        trackedDrivers: (any TrackedDriverDirectory)? = nil, results: (any RaceResultArchive)? = nil,
        reports: (any CoachingReportSource)? = nil, sessionReports: (any SessionReportTextSource)? = nil,
        league: LeagueFeature? = nil, team: TeamFeature? = nil, gatewayTiming: GatewayTiming = GatewayTiming(), logger: Logger,
        tracer: (any Tracer)? = nil
    ) {
        let http = http
        var rest = DiscordREST(
            configuration: configuration, token: token, http: { try http.client() }, serverErrorRetry: .standard, logger: logger)
        rest.tracer = tracer
        let state = BotState(applicationID: configuration.applicationID)
        self.configuration = configuration
        self.feed = CoachingFeedQueue(capacity: configuration.feedQueueCapacity)
        self.rest = rest
        self.repository = repository
        self.trackedDrivers = trackedDrivers
        self.results = results
        self.reports = reports
        self.sessionReports = sessionReports
        self.league = league
        self.team = team
        self.state = state
        self.logger = logger
        let directMessages = DirectMessageWorker(rest: rest, repository: repository, logger: logger)
        self.directMessages = directMessages
        self.teamReminders = team.map { team in
            TeamReminderScheduler(
                repository: team.repository, lead: TimeInterval(team.configuration.reminderLeadMinutes * 60), clock: team.clock,
                directMessages: directMessages, logger: logger)
        }
        self.token = token
        self.gatewayTiming = gatewayTiming
    }

    /// Runs until graceful shutdown; throws when the gateway stops for good (bad token...).
    /// Either way its HTTP connections are closed before it returns.
    public func run() async throws {
        do {
            try await runChildren()
        } catch {
            await http.shutdown()
            throw error
        }
        await http.shutdown()
    }

    private func runChildren() async throws {
        let rest = rest
        let override = configuration.gatewayURLOverride
        // Made here, not in init: it calls back into the bot, and lives only while the bot runs.
        let gateway = GatewayClient(
            token: token, timing: gatewayTiming,
            gatewayURL: {
                if let override { return override }
                return try await rest.gatewayURL()
            },
            logger: logger, onDispatch: { [self] dispatch in await self.handle(dispatch) })
        // Graceful shutdown cancels the children: the gateway closes, the feed and DM workers stop.
        try await cancelWhenGracefulShutdown {
            try await withThrowingTaskGroup(of: Void.self) { tasks in
                tasks.addTask { try await gateway.run() }
                tasks.addTask { await FeedPublisher(bot: self).run() }
                tasks.addTask { await self.directMessages.run() }
                if let league = self.league { tasks.addTask { await LeagueAnnouncementPublisher(bot: self, league: league).run() } }
                if let reminders = self.teamReminders { tasks.addTask { await reminders.run() } }
                defer { tasks.cancelAll() }
                // The first task to end (a fatal gateway close) ends the bot.
                _ = try await tasks.next()
            }
        }
    }

    /// Queues a DM (stored, so it survives a restart) and wakes the DM worker.
    public func sendDirectMessage(to userID: String, _ content: String) async throws {
        try await repository.enqueueDirectMessage(recipientID: userID, content: content)
        directMessages.wake()
    }

    /// Gateway events the bot acts on.
    func handle(_ dispatch: GatewayDispatch) async {
        switch dispatch.name {
        case "READY":
            struct Ready: Decodable {
                struct Identified: Decodable { var id: String }
                var application: Identified?
                var user: Identified?
            }
            let ready = try? JSONDecoder().decode(Ready.self, from: dispatch.data)
            if let id = ready?.application?.id { await state.learnApplicationID(id) }
            if let id = ready?.user?.id { await state.learnUserID(id) }
        case "GUILD_CREATE":
            struct Guild: Decodable { var id: String }
            guard let guild = try? JSONDecoder().decode(Guild.self, from: dispatch.data) else { return }
            Task { await self.registerCommands(guild: guild.id) }
        case "INTERACTION_CREATE":
            guard let interaction = try? JSONDecoder().decode(Interaction.self, from: dispatch.data) else {
                logger.warning("undecodable interaction")
                return
            }
            // Off the gateway's reader, so a slow command never delays heartbeats.
            Task { await CommandHandler(bot: self).handle(interaction) }
        default:
            break
        }
    }

    func registerCommands(guild: String) async {
        guard let application = await state.applicationID, await state.markRegistered(guild) else { return }
        do {
            let commands = BotCommands.all + (league == nil ? [] : LeagueCommandDefinitions.all)
                + (team == nil ? [] : TeamCommandDefinitions.all)
            try await rest.overwriteGuildCommands(application: application, guild: guild, commands)
            logger.info("slash commands registered", metadata: ["guild": "\(guild)"])
        } catch {
            await state.forgetRegistration(guild)
            logger.warning("registering slash commands failed", metadata: ["guild": "\(guild)", "error": "\(error)"])
        }
    }
}
