import NIOCore
import NIOHTTP1
import NIOPosix
import NIOSSL
import NIOWebSocket

/// A WebSocket client on NIO's public API, for the live client and the load tool.
///
/// Written here rather than taken from `WSClient` because that client always sends the URL's
/// host as TLS SNI, and NIOSSL refuses an IP address there (`cannotUseIPAddressInSNI`): a LAN
/// server at `wss://192.168.1.20:8443` could not be reached. Here an IP literal is sent with no
/// SNI, and NIOSSL then matches the certificate's IP address SANs against the peer's address,
/// so the certificate is still verified.
public enum WireSocket {
    public struct Options: Sendable {
        public var endpoint: ServerEndpoint
        /// Extra request headers, e.g. `Authorization: Bearer ...` (never logged here).
        public var headers: [(name: String, value: String)]
        /// Required for `wss://`; ignored for `ws://`.
        public var tls: TLSConfiguration?
        /// Largest message accepted from the server (fragments joined); bigger ones end the socket.
        public var maximumMessageBytes: Int
        /// TCP connect, TLS handshake and HTTP upgrade together.
        public var connectTimeout: Duration

        public init(
            endpoint: ServerEndpoint, headers: [(name: String, value: String)] = [], tls: TLSConfiguration? = nil,
            maximumMessageBytes: Int = 1 << 22, connectTimeout: Duration = .seconds(10)
        ) {
            self.endpoint = endpoint
            self.headers = headers
            self.tls = tls
            self.maximumMessageBytes = maximumMessageBytes
            self.connectTimeout = connectTimeout
        }
    }

    private enum Upgrade: Sendable {
        case websocket(NIOAsyncChannel<WebSocketFrame, WebSocketFrame>)
        case refused(NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>)
    }

    /// Opens the socket, runs `body` with its two ends, and closes it when `body` returns or throws.
    public static func connect<T: Sendable>(
        _ options: Options, group: any EventLoopGroup = MultiThreadedEventLoopGroup.singleton,
        _ body: @Sendable (inout WireInbound, WireOutbound) async throws -> T
    ) async throws -> T {
        let endpoint = options.endpoint
        let sslContext: NIOSSLContext?
        if endpoint.secure {
            do {
                sslContext = try NIOSSLContext(configuration: options.tls ?? .makeClientConfiguration())
            } catch {
                throw WireSocketError.tls("cannot set up TLS: \(error)")
            }
        } else {
            sslContext = nil
        }
        let started = ContinuousClock.now
        let upgrade: Upgrade
        do {
            let pending = try await ClientBootstrap(group: group)
                .connectTimeout(TimeAmount(options.connectTimeout))
                .connect(host: endpoint.host, port: endpoint.port) { channel in
                    channel.eventLoop.makeCompletedFuture {
                        try configure(channel, options: options, sslContext: sslContext)
                    }
                }
            upgrade = try await pending.get()
        } catch {
            throw classify(error, endpoint: endpoint, timedOut: ContinuousClock.now - started >= options.connectTimeout)
        }
        switch upgrade {
        case .refused(let channel):
            throw await refusal(channel)
        case .websocket(let channel):
            return try await channel.executeThenClose { inbound, outbound in
                let writer = WireOutbound(outbound, channel: channel.channel)
                var reader = WireInbound(inbound.makeAsyncIterator(), replies: writer)
                return try await body(&reader, writer)
            }
        }
    }

    /// TLS (SNI only for names), then HTTP/1.1 with the WebSocket upgrade.
    private static func configure(
        _ channel: any Channel, options: Options, sslContext: NIOSSLContext?
    ) throws -> EventLoopFuture<Upgrade> {
        let endpoint = options.endpoint
        if let sslContext {
            let handler = try NIOSSLClientHandler(context: sslContext, serverHostname: endpoint.isIPLiteral ? nil : endpoint.host)
            try channel.pipeline.syncOperations.addHandler(handler)
        }
        let maximum = options.maximumMessageBytes
        let upgrader = NIOTypedWebSocketClientUpgrader<Upgrade>(maxFrameSize: maximum) { channel, _ in
            channel.eventLoop.makeCompletedFuture {
                try channel.pipeline.syncOperations.addHandler(
                    NIOWebSocketFrameAggregator(minNonFinalFragmentSize: 0, maxAccumulatedFrameCount: 256, maxAccumulatedFrameSize: maximum))
                return Upgrade.websocket(try NIOAsyncChannel(wrappingChannelSynchronously: channel))
            }
        }
        var headers = HTTPHeaders()
        headers.add(name: "Host", value: endpoint.hostHeader)
        for header in options.headers { headers.add(name: header.name, value: header.value) }
        let request = HTTPRequestHead(version: .http1_1, method: .GET, uri: endpoint.target, headers: headers)
        let configuration = NIOTypedHTTPClientUpgradeConfiguration<Upgrade>(
            upgradeRequestHead: request, upgraders: [upgrader],
            notUpgradingCompletionHandler: { channel in
                channel.eventLoop.makeCompletedFuture { Upgrade.refused(try NIOAsyncChannel(wrappingChannelSynchronously: channel)) }
            })
        let upgraded = try channel.pipeline.syncOperations.configureUpgradableHTTPClientPipeline(
            configuration: .init(upgradeConfiguration: configuration))
        // A server that accepts TCP but never finishes TLS or the upgrade must not hang us:
        // the same limit as the TCP connect closes the channel, which fails `upgraded`.
        let timer = channel.eventLoop.scheduleTask(in: TimeAmount(options.connectTimeout)) { channel.close(promise: nil) }
        upgraded.whenComplete { _ in timer.cancel() }
        return upgraded
    }

    /// The status and (the start of) the body of a response that was not an upgrade.
    private static func refusal(_ channel: NIOAsyncChannel<HTTPClientResponsePart, HTTPClientRequestPart>) async -> WireSocketError {
        let read = try? await channel.executeThenClose { inbound, _ in
            var status = 0
            var body = ""
            for try await part in inbound {
                switch part {
                case .head(let head): status = Int(head.status.code)
                case .body(let buffer): if body.utf8.count < 512 { body += String(buffer: buffer) }
                case .end: return (status, body)
                }
            }
            return (status, body)
        }
        return .refused(status: read?.0 ?? 0, body: String((read?.1 ?? "").prefix(512)))
    }

    /// A certificate that is not trusted or not for this host is the person's to fix (`.tls`,
    /// permanent); any other failure, a TLS handshake cut short by a restarting server included,
    /// is a network fault worth retrying.
    private static func classify(_ error: any Error, endpoint: ServerEndpoint, timedOut: Bool) -> WireSocketError {
        if let error = error as? WireSocketError { return error }
        if timedOut { return .timedOut("connecting to \(endpoint) (TCP, TLS and upgrade)") }
        let text = "\(error)"
        if let extra = error as? NIOSSLExtraError, extra == .failedToValidateHostname {
            return .tls("\(endpoint.host): the certificate is not for this host: \(text)")
        }
        if error is NIOSSLError || error is BoringSSLError, text.contains("CERTIFICATE") {
            return .tls("\(endpoint.host): \(text)")
        }
        return .unreachable("\(endpoint.host):\(endpoint.port): \(text)")
    }
}
