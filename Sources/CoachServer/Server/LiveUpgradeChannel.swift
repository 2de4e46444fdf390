import HTTPTypes
import Hummingbird
import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import NIOWebSocket
import ServerSettings
import Synchronization

/// HTTP/1.1 with the WebSocket upgrade, authenticated and counted before the upgrade, on
/// public NIO and Hummingbird API only.
///
/// NIO does not hand a refused upgrade request on to the HTTP router, so this channel remembers
/// why it refused (a bad token, a connection limit) and answers with the API's JSON error
/// itself. An accepted upgrade gets NIO's frame codec and protocol error handler, then
/// `MaskedFramesOnly` and a `WebSocketConnectionHandler` (pings, close handshake, fragments,
/// the bounded outbound queue, timers); its endpoint reads `SocketEvent`s and writes through a
/// `SocketSender`: the live and echo endpoints in a handler on the event loop
/// (`LiveChannelHandler`, `EchoEndpoint`), the listen endpoint on a task through
/// `NIOAsyncChannel`. A request head must arrive within `requestHeadTimeout`.
struct LiveUpgradeChannel: ServerChildChannel, HTTPChannelHandler {
    /// Runs the listen endpoint on an upgraded socket until the socket is closed.
    typealias ListenRunner = @Sendable (NIOAsyncChannelInboundStream<SocketEvent>, SocketSender, AuthenticatedDriver, Logger) async -> Void

    /// Which WebSocket endpoint an upgrade asked for.
    enum Endpoint: Sendable, Equatable {
        case live
        /// The benchmark echo (`server.echo_path`).
        case echo
        /// The read-only mirror of the driver's session (`ListenEndpoint`).
        case listen
    }

    /// The live endpoint's handler for an upgraded socket (on its event loop): it completes the
    /// promise once the socket has ended and its session was handed on.
    typealias LiveHandlerMaker = @Sendable (SocketSender, AuthenticatedDriver, Logger, EventLoopPromise<Void>) -> LiveChannelHandler

    enum UpgradeResult: Sendable {
        /// The live or echo endpoint, run by its handler on the event loop: done when this completes.
        case onEventLoop(EventLoopFuture<Void>)
        /// The listen endpoint, on a task.
        case listen(NIOAsyncChannel<SocketEvent, Never>, SocketSender, Upgrade)
        case http(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        /// An upgrade was asked for and refused: answer with the error, then close.
        case refused(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>, APIError)
    }

    /// An accepted upgrade: who, to which endpoint, and the connection's place in the table.
    struct Upgrade: Sendable {
        let driver: AuthenticatedDriver
        let endpoint: Endpoint
        let reservation: LiveConnectionTable.Reservation
    }

    struct Value: ServerChildChannelValue {
        let upgradeResult: EventLoopFuture<UpgradeResult>
        let channel: any Channel
    }

    static let path = EndpointPath.live

    let responder: HTTPChannelHandler.Responder
    let authenticator: any DriverAuthenticator
    let connections: LiveConnectionTable
    /// `server.echo_path`, or nil when the echo endpoint is off.
    var echoPath: String?
    /// Who may open the listen socket; nil turns it off.
    var listen: ListenEndpoint?
    /// NIO's frame limit (a larger frame is answered with 1009 by NIO's protocol error handler).
    let maxFrameSize: Int
    let requestHeadTimeout: TimeAmount
    /// Each endpoint's socket settings.
    let settings: @Sendable (Endpoint) -> SocketSettings
    let metrics: ServerMetrics
    let makeLiveHandler: LiveHandlerMaker
    /// The listen endpoint, on a task of its own.
    let runListen: ListenRunner

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            try channel.pipeline.syncOperations.addHandler(RequestHeadDeadline(timeout: requestHeadTimeout))
            let decision = UpgradeDecision()
            let upgrader = NIOTypedWebSocketServerUpgrader<UpgradeResult>(
                maxFrameSize: maxFrameSize,
                shouldUpgrade: { channel, head in
                    RequestHeadDeadline.headArrived(on: channel)
                    return channel.eventLoop.makeFutureWithTask {
                        let result = await admit(head, channel: channel, logger: logger)
                        decision.set(result)
                        return if case .success = result { HTTPHeaders() } else { nil }
                    }
                },
                upgradePipelineHandler: { channel, _ in
                    channel.eventLoop.makeCompletedFuture {
                        guard case .success(let upgrade) = decision.get() else { throw ChannelError.inappropriateOperationForState }
                        return try installSocket(on: channel, for: upgrade, logger: logger)
                    }
                })
            let upgrade = NIOTypedHTTPServerUpgradeConfiguration<UpgradeResult>(
                upgraders: [upgrader],
                notUpgradingCompletionHandler: { channel in
                    channel.eventLoop.makeCompletedFuture {
                        RequestHeadDeadline.headArrived(on: channel)
                        let sync = channel.pipeline.syncOperations
                        try sync.addHandler(HTTP1ToHTTPServerCodec(secure: false))
                        // Between requests of a kept-alive connection: the same time to send the next head.
                        try sync.addHandler(HTTPConnectionStateHandler(idleTimeout: Duration(requestHeadTimeout), logger: logger))
                        let http = try NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>(
                            wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
                        if case .failure(let error) = decision.get() { return .refused(http, error) }
                        return .http(http)
                    }
                })
            var pipeline = NIOUpgradableHTTPServerPipelineConfiguration(upgradeConfiguration: upgrade)
            pipeline.enablePipelining = false  // NIOAsyncChannel serialises requests
            pipeline.enableErrorHandling = false  // Hummingbird answers errors
            pipeline.enableResponseHeaderValidation = false  // HTTPTypes already validates
            let result = try channel.pipeline.syncOperations.configureUpgradableHTTPServerPipeline(configuration: pipeline)
            return Value(upgradeResult: result, channel: channel)
        }
    }

    func handle(value: Value, logger: Logger) async {
        do {
            switch try await value.upgradeResult.get() {
            case .http(let http):
                await handleHTTP(asyncChannel: http, logger: logger)
            case .refused(let http, let error):
                try await refuse(http, with: error)
            case .onEventLoop(let finished):
                try await finished.get()
            case .listen(let events, let socket, let upgrade):
                try await events.executeThenClose { inbound, _ in
                    await runListen(inbound, socket, upgrade.driver, logger)
                }
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["error": "\(error)"])
        }
    }

    /// The upgrade to make, or why not: the path, the token, then the connection limits.
    private func admit(_ head: HTTPRequestHead, channel: any Channel, logger: Logger) async -> Result<Upgrade, APIError> {
        let driver: AuthenticatedDriver
        let endpoint: Endpoint
        switch await authenticate(head, logger: logger) {
        case .success(let accepted): (driver, endpoint) = accepted
        case .failure(let error): return .failure(error)
        }
        switch connections.reserve(driverID: driver.id) {
        case .success(let reservation):
            channel.closeFuture.whenComplete { _ in connections.release(reservation) }
            return .success(Upgrade(driver: driver, endpoint: endpoint, reservation: reservation))
        case .failure(let error):
            logger.notice("upgrade refused", metadata: ["code": "\(error.code.rawValue)", "driver": "\(driver.id)"])
            return .failure(error)
        }
    }

    /// The driver when this is an upgrade of the live (or echo) path with a valid token, or of
    /// the listen path with a token or a signed-in browser's cookie; else why not.
    private func authenticate(_ head: HTTPRequestHead, logger: Logger) async -> Result<(AuthenticatedDriver, Endpoint), APIError> {
        guard let converted = try? HTTPRequest(head, secure: false, splitCookie: false) else {
            return .failure(APIError(.badRequest, "unreadable request"))
        }
        let request = Request(head: converted, body: .init(buffer: ByteBuffer()))
        let endpoint: Endpoint
        switch request.uri.path {
        case Self.path: endpoint = .live
        case let path where path == echoPath: endpoint = .echo
        case ListenEndpoint.path where listen != nil: endpoint = .listen
        default: return .failure(.notFound("WebSocket endpoint"))
        }
        if endpoint == .listen, let listen {
            return await listen.authenticate(request, logger: logger).map { ($0, .listen) }
        }
        guard let token = BearerToken.extract(from: request) else { return .failure(.unauthorized) }
        do {
            guard let driver = try await authenticator.authenticate(token: token) else { return .failure(.unauthorized) }
            return .success((driver, endpoint))
        } catch {
            logger.error("token check failed", metadata: ["error": "\(error)"])  // never the token itself
            return .failure(APIError(.internal, "authentication is unavailable"))
        }
    }

    /// The upgraded pipeline: NIO's codec is in; adds the socket handler and the endpoint's
    /// handler (the listen endpoint: its async face).
    private func installSocket(on channel: any Channel, for upgrade: Upgrade, logger: Logger) throws -> UpgradeResult {
        let sync = channel.pipeline.syncOperations
        try sync.addHandler(MaskedFramesOnly())
        let settings = settings(upgrade.endpoint)
        let queue = OutboundQueue(capacityBytes: settings.outboundQueueBytes)
        let ending = channel.eventLoop.makePromise(of: SocketEnding.self)
        let handler = WebSocketConnectionHandler(settings: settings, queue: queue, ending: ending)
        try sync.addHandler(handler)
        let socket = SocketSender(
            queue: queue, handler: handler, eventLoop: channel.eventLoop, ending: ending.futureResult, metrics: metrics)
        connections.attach(socket, to: upgrade.reservation)
        guard upgrade.endpoint != .listen else {
            return .listen(try NIOAsyncChannel(wrappingChannelSynchronously: channel), socket, upgrade)
        }
        let finished = channel.eventLoop.makePromise(of: Void.self)
        if upgrade.endpoint == .live {
            try sync.addHandler(makeLiveHandler(socket, upgrade.driver, logger, finished))
        } else {
            try sync.addHandler(EchoEndpoint(socket: socket, finished: finished))
        }
        return .onEventLoop(finished.futureResult)
    }

    /// Writes the API's JSON error for a refused upgrade and closes the connection.
    private func refuse(_ http: NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>, with error: APIError) async throws {
        let body = error.jsonBody()
        var headers: HTTPFields = [.contentType: "application/json; charset=utf-8", .connection: "close"]
        headers[.contentLength] = "\(body.readableBytes)"
        if error.code == .unauthorized { headers[.wwwAuthenticate] = "Bearer" }
        try await http.executeThenClose { _, outbound in
            try await outbound.write(contentsOf: [.head(HTTPResponse(status: error.status, headerFields: headers)), .body(body), .end(nil)])
        }
    }
}

/// What `shouldUpgrade` decided, handed to whichever pipeline handler runs right after it.
private final class UpgradeDecision: Sendable {
    private let decision = Mutex<Result<LiveUpgradeChannel.Upgrade, APIError>?>(nil)
    func set(_ value: Result<LiveUpgradeChannel.Upgrade, APIError>) { decision.withLock { $0 = value } }
    func get() -> Result<LiveUpgradeChannel.Upgrade, APIError>? { decision.withLock { $0 } }
}
