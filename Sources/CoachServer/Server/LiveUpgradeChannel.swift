import HTTPTypes
import Hummingbird
import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore
import NIOHTTP1
import NIOHTTPTypes
import NIOHTTPTypesHTTP1
import NIOWebSocket
import Synchronization
@_spi(WSInternal) import WSCore

/// HTTP/1.1 with the live WebSocket upgrade, authenticated before the upgrade.
///
/// hummingbird-websocket's own channel answers every refused upgrade with an empty 400 (NIO
/// does not hand a refused upgrade request on to the HTTP router). The protocol promises a 401
/// with the API's JSON error, so this channel remembers why it refused and answers that itself.
struct LiveUpgradeChannel: ServerChildChannel, HTTPChannelHandler {
    /// Runs one live socket; returns what to do once the close handshake is over (nil close
    /// frame: the connection dropped without one).
    typealias SessionHandler = @Sendable (WebSocketInboundStream, WebSocketOutboundWriter, AuthenticatedDriver, Logger)
        async throws -> ClosedHandler
    typealias ClosedHandler = @Sendable (WebSocketCloseFrame?) async -> Void

    enum UpgradeResult: Sendable {
        case live(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>, AuthenticatedDriver, Endpoint)
        case http(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>)
        /// An upgrade was asked for and refused: answer with the error, then close.
        case refused(NIOAsyncChannel<HTTPRequestPart, HTTPResponsePart>, APIError)
    }

    struct Value: ServerChildChannelValue {
        let upgradeResult: EventLoopFuture<UpgradeResult>
        let channel: any Channel
    }

    static let path = "/api/v1/coaching/live"

    /// Which WebSocket endpoint an upgrade asked for.
    enum Endpoint: Sendable {
        case live
        /// The benchmark echo (`server.echo_path`).
        case echo
        /// The read-only mirror of the driver's session (`ListenEndpoint`).
        case listen
    }

    let responder: HTTPChannelHandler.Responder
    let authenticator: any DriverAuthenticator
    let webSocket: WebSocketServerConfiguration
    /// `server.echo_path`, or nil when the echo endpoint is off.
    var echoPath: String? = nil
    /// Largest echoed message after reassembly (`live.max_message_bytes`).
    var echoMaximumBytes = 65_536
    /// The listen socket; nil turns it off.
    var listen: ListenEndpoint? = nil
    let session: SessionHandler

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        channel.eventLoop.makeCompletedFuture {
            let decision = UpgradeDecision()
            let upgrader = NIOTypedWebSocketServerUpgrader<UpgradeResult>(
                maxFrameSize: webSocket.maxFrameSize,
                shouldUpgrade: { channel, head in
                    channel.eventLoop.makeFutureWithTask {
                        switch await authenticate(head, logger: logger) {
                        case .success(let upgrade):
                            decision.set(.success(upgrade))
                            return HTTPHeaders()
                        case .failure(let error):
                            decision.set(.failure(error))
                            return nil
                        }
                    }
                },
                upgradePipelineHandler: { channel, _ in
                    channel.eventLoop.makeCompletedFuture {
                        guard case .success(let upgrade) = decision.get() else { throw ChannelError.inappropriateOperationForState }
                        try channel.pipeline.syncOperations.addHandler(MaskedFramesOnly())
                        let frames = try NIOAsyncChannel<WebSocketFrame, WebSocketFrame>(
                            wrappingChannelSynchronously: channel, configuration: .init(isOutboundHalfClosureEnabled: true))
                        return .live(frames, upgrade.driver, upgrade.endpoint)
                    }
                })
            let upgrade = NIOTypedHTTPServerUpgradeConfiguration<UpgradeResult>(
                upgraders: [upgrader],
                notUpgradingCompletionHandler: { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try channel.pipeline.syncOperations.addHandler(HTTP1ToHTTPServerCodec(secure: false))
                        try channel.pipeline.syncOperations.addHandler(HTTPConnectionStateHandler(logger: logger))
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
            case .live(let frames, let driver, let endpoint):
                let configuration = WebSocketHandler.Configuration(
                    extensions: [], autoPing: webSocket.autoPing, closeTimeout: webSocket.closeTimeout,
                    validateUTF8: webSocket.validateUTF8, maxFrameSize: webSocket.maxFrameSize)
                if endpoint == .listen, let listen {
                    _ = try await WebSocketHandler.handle(
                        type: .server, configuration: configuration, asyncChannel: frames, context: LiveSocketContext(logger: logger)
                    ) { inbound, outbound, context in
                        let cut: @Sendable () -> Void = { frames.channel.close(promise: nil) }
                        await listen.connection(for: driver, cut: cut, logger: context.logger).run(inbound: inbound, outbound: outbound)
                    }
                    return
                }
                if endpoint == .echo {
                    // The echo has no protocol of its own to report bad UTF-8, so the handler checks it (close 1007).
                    let echo = WebSocketHandler.Configuration(
                        extensions: [], autoPing: webSocket.autoPing, closeTimeout: webSocket.closeTimeout, validateUTF8: true,
                        maxFrameSize: webSocket.maxFrameSize)
                    _ = try await WebSocketHandler.handle(
                        type: .server, configuration: echo, asyncChannel: frames, context: LiveSocketContext(logger: logger)
                    ) { inbound, outbound, _ in
                        try await EchoEndpoint.run(inbound: inbound, outbound: outbound, maximumBytes: echoMaximumBytes)
                    }
                    return
                }
                // Only the finished handshake tells a client's close (1000: the session is over)
                // from a drop (the session stays resumable), so the session hears it afterwards.
                let closed = ClosedHandlerBox()
                let closeFrame: WebSocketCloseFrame?
                do {
                    closeFrame = try await WebSocketHandler.handle(
                        type: .server, configuration: configuration, asyncChannel: frames, context: LiveSocketContext(logger: logger)
                    ) { inbound, outbound, context in
                        closed.set(try await session(inbound, outbound, driver, context.logger))
                    }
                } catch {
                    await closed.get()?(nil)
                    throw error
                }
                await closed.get()?(closeFrame)
            }
        } catch {
            logger.debug("connection ended with an error", metadata: ["error": "\(error)"])
        }
    }

    /// The driver when this is an upgrade of the live (or echo) path with a valid token, else why not.
    private func authenticate(_ head: HTTPRequestHead, logger: Logger) async -> Result<Upgrade, APIError> {
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
            return await listen.authenticate(request, logger: logger).map { Upgrade(driver: $0, endpoint: .listen) }
        }
        guard let token = BearerToken.extract(from: request) else { return .failure(.unauthorized) }
        do {
            guard let driver = try await authenticator.authenticate(token: token) else { return .failure(.unauthorized) }
            return .success(Upgrade(driver: driver, endpoint: endpoint))
        } catch {
            logger.error("token check failed", metadata: ["error": "\(error)"])  // never the token itself
            return .failure(APIError(.internal, "authentication is unavailable"))
        }
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

/// An accepted upgrade: who, and to which endpoint.
private struct Upgrade: Sendable {
    let driver: AuthenticatedDriver
    let endpoint: LiveUpgradeChannel.Endpoint
}

/// What `shouldUpgrade` decided, handed to whichever pipeline handler runs right after it.
private final class UpgradeDecision: Sendable {
    private let decision = Mutex<Result<Upgrade, APIError>?>(nil)
    func set(_ value: Result<Upgrade, APIError>) { decision.withLock { $0 = value } }
    func get() -> Result<Upgrade, APIError>? { decision.withLock { $0 } }
}

/// The session's close handler, handed out of the WebSocket handler.
private final class ClosedHandlerBox: Sendable {
    private let handler = Mutex<LiveUpgradeChannel.ClosedHandler?>(nil)
    func set(_ value: @escaping LiveUpgradeChannel.ClosedHandler) { handler.withLock { $0 = value } }
    func get() -> LiveUpgradeChannel.ClosedHandler? { handler.withLock { $0 } }
}

private struct LiveSocketContext: WebSocketContext {
    let logger: Logger
}
