import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServerSettings
import ServiceLifecycle
import Tracing
import WebPages

/// The HTTP and WebSocket face of Trailbrake, assembled from a configuration and the seams.
///
/// `makeApplication` returns a Hummingbird application that runs as a swift-service-lifecycle
/// service. On graceful shutdown every live socket ends its session (the partial lap is stored
/// and reported) and closes with 1001 within `live.shutdown_grace_seconds`, even when its client
/// never reads; then `LiveSessionsService` finishes the detached sessions the same way.
public struct TrailbrakeServer: Sendable {
    public let configuration: ServerSettings.ServerConfiguration
    public let dependencies: CoachServerDependencies
    public let metrics: ServerMetrics
    let registry: SessionRegistry
    /// Open WebSocket connections, for the connection limits and for closing a driver's sockets.
    let connections: LiveConnectionTable
    let ackTicker: AckTicker
    let logger: Logger
    let lapStore: LapStoreQueue
    /// Sign-ins sent to Discord and not back yet; nil when Discord sign-in is not wired.
    let discordPending: PendingDiscordSignIns?
    /// What every live connection shares.
    let liveEndpoint: LiveEndpoint

    public init(
        configuration: ServerSettings.ServerConfiguration, dependencies: CoachServerDependencies, metrics: ServerMetrics = ServerMetrics(),
        logger: Logger
    ) {
        self.configuration = configuration
        self.dependencies = dependencies
        self.metrics = metrics
        self.logger = logger
        let live = configuration.live
        self.registry = SessionRegistry(
            resumeWindow: .seconds(live.resumeWindowSeconds),
            limits: .init(total: live.maxSessions, perDriver: live.maxSessionsPerDriver), metrics: metrics,
            listeners: ListenerHub(configuration: configuration.listen, metrics: metrics),
            relays: TeamRelayHub(
                capacity: configuration.team.messagesWaitingPerDriver, directory: dependencies.teamDirectory, logger: logger))
        self.connections = LiveConnectionTable(limits: .init(total: live.maxConnections, perDriver: live.maxConnectionsPerDriver))
        self.ackTicker = AckTicker(interval: .milliseconds(configuration.live.ackIntervalMilliseconds))
        self.lapStore = LapStoreQueue(
            store: dependencies.sessionStore, spill: dependencies.lapSpill, settings: LapStoreSettings(configuration.storage),
            metrics: metrics, logger: logger, tracer: dependencies.tracer)
        self.liveEndpoint = LiveEndpoint(
            configuration: live, dependencies: dependencies, registry: registry, ackTicker: ackTicker, metrics: metrics,
            lapStore: lapStore, batchLimiter: BatchRateLimiter(live),
            // `tracing.live_batch_sample_ratio` of the tracer; nil when tracing is off.
            tracing: dependencies.tracer.map { LiveTracing(tracer: $0, sampleRatio: configuration.tracing.liveBatchSampleRatio) })
        self.discordPending = dependencies.discordSignIn == nil ? nil : PendingDiscordSignIns(
            capacity: configuration.discordSignIn.maxPending, lifetime: .seconds(configuration.discordSignIn.pendingMinutes * 60))
        metrics.recordBuildInfo()
    }

    /// - Parameter onListening: called once with the base URL, e.g. `http://127.0.0.1:53211`,
    ///   carrying the port the OS actually bound (the configured port may be 0).
    public func makeApplication(
        onListening: @escaping @Sendable (String) async -> Void = { _ in }
    ) throws -> Application<RouterResponder<DriverRequestContext>> {
        let scheme = configuration.tls.enabled ? "https" : "http"
        let host = configuration.server.host
        return Application(
            router: makeHTTPRouter(),
            server: try makeServerBuilder(),
            configuration: .init(address: .hostname(host, port: configuration.server.port), serverName: "trailbrake"),
            services: [
                LiveSessionsService(registry: registry, lapStore: lapStore), AckTickerService(ticker: ackTicker),
                TokenWatch(
                    registry: registry, authenticator: dependencies.authenticator,
                    interval: .milliseconds(Int64(configuration.auth.tokenCheckSeconds * 1_000)), logger: logger,
                    listeners: ListenerCredentialCheck(
                        hub: registry.listeners, authenticator: dependencies.authenticator,
                        browserSessions: dependencies.browserSessions, logger: logger)),
            ],
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? configuration.server.port
                await onListening("\(scheme)://\(host):\(port)")
            },
            logger: logger)
    }

    func makeHTTPRouter() -> Router<DriverRequestContext> {
        let router = Router(context: DriverRequestContext.self)
        // Outermost, so the request's span covers the metrics and every route.
        if let tracer = dependencies.tracer { router.add(middleware: RequestTracingMiddleware(tracer: tracer)) }
        router.add(middleware: HTTPMetricsMiddleware(metrics: metrics))
        OperationsRoutes(
            registry: registry, metrics: metrics, databaseHealth: dependencies.databaseHealth,
            resultsPollerHealth: dependencies.resultsPollerHealth, startedAt: .now, lapStore: lapStore,
            voice: dependencies.voice, queueDepths: dependencies.queueDepths, lapSpool: dependencies.lapSpool
        ).register(on: router)
        let api = router.group("/api/v1").add(middleware: BearerAuthenticationMiddleware(authenticator: dependencies.authenticator))
        DriverAPIRoutes(reader: dependencies.reader, settings: configuration.api).register(on: api)
        ListenPageRoutes(
            sessions: dependencies.browserSessions, origins: OriginPolicy(configuration: configuration),
            configuration: configuration.listen, secure: listenCookiesSecure, listeners: registry.listeners
        ).register(on: router)
        if let renderer = try? WebPageRenderer() {
            DriverPageRoutes(
                data: DriverPageData(
                    reader: dependencies.reader, references: dependencies.references, settings: configuration.api,
                    pages: configuration.listen),
                sessions: dependencies.browserSessions, renderer: renderer, secure: listenCookiesSecure,
                discordOrigin: notices(renderer).discordOrigin, returnCookieSeconds: Int(configuration.listen.loginLinkMinutes * 60)
            ).register(on: router)
            discordSignInRoutes(renderer: renderer)?.register(on: router)
            if let sessions = dependencies.browserSessions, let console = dependencies.adminConsole {
                AdminRoutes(
                    console: console, status: dependencies.adminStatus, sessions: sessions, settings: configuration.admin,
                    origins: OriginPolicy(configuration: configuration), renderer: renderer, secure: listenCookiesSecure,
                    discordOrigin: notices(renderer).discordOrigin
                ).register(on: router)
            }
            if let sessions = dependencies.browserSessions, let board = dependencies.teamEvents {
                EventPageRoutes(
                    board: board, sessions: sessions, origins: OriginPolicy(configuration: configuration), renderer: renderer,
                    secure: listenCookiesSecure, discordOrigin: notices(renderer).discordOrigin
                ).register(on: router)
            }
            if let sessions = dependencies.browserSessions, let shelf = dependencies.referenceShelf {
                ReferenceRoutes(
                    shelf: shelf, sessions: sessions, admins: configuration.admin, settings: configuration.references,
                    origins: OriginPolicy(configuration: configuration), renderer: renderer, secure: listenCookiesSecure,
                    discordOrigin: notices(renderer).discordOrigin
                ).register(on: router)
            }
            if let sessions = dependencies.browserSessions, let directory = dependencies.teamDirectory, let relays = registry.relays {
                TeamRoutes(
                    directory: directory, relays: relays, limiter: SenderRateLimiter(perMinute: configuration.team.messagesPerMinute),
                    sessions: sessions, settings: configuration.team, origins: OriginPolicy(configuration: configuration),
                    renderer: renderer, secure: listenCookiesSecure, discordOrigin: notices(renderer).discordOrigin
                ).register(on: router)
            }
            if let sessions = dependencies.browserSessions {
                SignOutEverywhereRoute(
                    sessions: sessions, origins: OriginPolicy(configuration: configuration), listeners: registry.listeners,
                    secure: listenCookiesSecure, notices: notices(renderer)
                ).register(on: router)
            }
        } else {
            logger.error("web page templates do not parse: the drivers' pages are off")
        }
        // An upgrade that was refused lands here: 401 from the middleware, else a plain GET.
        api.get("coaching/live") { _, _ -> Response in
            throw APIError(.badRequest, "this endpoint needs a WebSocket upgrade")
        }
        return router
    }

    /// The listen socket: signed-in browsers (or a driver token) mirroring the driver's session.
    private var listenEndpoint: ListenEndpoint {
        ListenEndpoint(
            sessions: dependencies.browserSessions, authenticator: dependencies.authenticator,
            origins: OriginPolicy(configuration: configuration), hub: registry.listeners, team: dependencies.teamDirectory)
    }

    private func notices(_ renderer: WebPageRenderer) -> SignInNotices {
        let on = dependencies.discordUsers != nil && dependencies.browserSessions != nil
        return SignInNotices(
            renderer: renderer, secure: listenCookiesSecure,
            discordOrigin: on ? dependencies.discordSignIn.flatMap { WebOrigin(authorizeURL: $0.authorizeURL)?.description } : nil)
    }

    /// "Sign in with Discord" when the OAuth client, the account directory and browser sessions
    /// are all there; nil otherwise.
    private func discordSignInRoutes(renderer: WebPageRenderer) -> DiscordSignInRoutes? {
        guard let provider = dependencies.discordSignIn, let directory = dependencies.discordUsers, let sessions = dependencies.browserSessions,
            let pending = discordPending
        else { return nil }
        return DiscordSignInRoutes(
            provider: provider, directory: directory, sessions: sessions, pending: pending, origins: OriginPolicy(configuration: configuration),
            listen: configuration.listen, baseURL: WebOrigin(url: configuration.listen.baseURL), secure: listenCookiesSecure,
            notices: notices(renderer))
    }

    /// Browsers reach the server over HTTPS: TLS here, or a TLS proxy named by `listen.base_url`.
    private var listenCookiesSecure: Bool {
        configuration.tls.enabled || WebOrigin(url: configuration.listen.baseURL)?.scheme == "https"
    }

    private func makeServerBuilder() throws -> HTTPServerBuilder {
        let live = configuration.live
        let echoPath = configuration.server.echoPath.isEmpty ? nil : configuration.server.echoPath
        let plain = HTTPServerBuilder { [self] responder in
            LiveUpgradeChannel(
                responder: responder, authenticator: dependencies.authenticator, connections: connections, echoPath: echoPath,
                listen: listenEndpoint,
                // Frames up to the message limit pass NIO; larger messages are refused by our assembler.
                maxFrameSize: live.maxMessageBytes, requestHeadTimeout: TimeAmount(seconds: live.requestHeadTimeoutSeconds),
                settings: { endpoint in SocketSettings.forEndpoint(endpoint, live, listen: configuration.listen) }, metrics: metrics,
                makeLiveHandler: { [liveEndpoint] socket, driver, logger, finished in
                    LiveChannelHandler(
                        connection: LiveConnection(endpoint: liveEndpoint, driver: driver, logger: logger), socket: socket,
                        finished: finished)
                }
            ) { events, socket, driver, logger in
                await runListen(events: events, socket: socket, driver: driver, logger: logger)
            }
        }
        guard configuration.tls.enabled else { return plain }
        return try .tls(plain, tlsConfiguration: try TLSFiles.serverConfiguration(configuration.tls))
    }
}

/// Never inlined into the upgrade's closure: an async function's frame has room for everything
/// any of its branches holds across a suspension, and a connection's task keeps its frames
/// allocated for as long as the socket is open (docs/performance.md).
extension TrailbrakeServer {
    @inline(never)
    fileprivate func runListen(events: NIOAsyncChannelInboundStream<SocketEvent>, socket: SocketSender, driver: AuthenticatedDriver, logger: Logger) async {
        await listenEndpoint.connection(for: driver, logger: logger).run(events: events, socket: socket)
    }
}

/// Finishes every live session when the service group shuts down gracefully.
struct LiveSessionsService: Service {
    let registry: SessionRegistry
    let lapStore: LapStoreQueue

    func run() async throws {
        await lapStore.resumeSpilledLaps()  // laps a previous run kept in files
        try? await gracefulShutdown()
        await registry.finishAll()
        // Partial laps are submitted now; what cannot be stored in time goes to files.
        await lapStore.shutDown(deadline: .now.advanced(by: lapStore.settings.shutdownWait))
    }
}
