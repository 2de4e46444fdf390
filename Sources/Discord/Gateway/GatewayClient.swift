import Foundation
import HummingbirdWSClient
import Logging
import NIOWebSocket

/// A Discord gateway v10 client (JSON, no compression, one shard).
///
/// Each connection: Hello → heartbeats (first after interval × jitter) → Identify, or Resume
/// with the session id and last sequence on the resume URL. A heartbeat left unacknowledged
/// until the next one marks a zombie connection: it is closed with a non-1000 code (so the
/// session stays resumable) and resumed. Reconnect (op 7), Invalid Session (op 9) and close
/// codes decide between resuming, identifying again and stopping for good.
public actor GatewayClient {
    public typealias DispatchHandler = @Sendable (GatewayDispatch) async -> Void

    private let token: DiscordToken
    private let intents: GatewayIntents
    private let timing: GatewayTiming
    private let gatewayURL: @Sendable () async throws -> String
    private let onDispatch: DispatchHandler
    private let logger: Logger
    private let sendLimiter = GatewaySendLimiter()
    private var session = GatewaySession()
    private var cachedGatewayURL: String?
    /// Connections opened so far (tests and logs).
    public private(set) var connectionCount = 0

    /// - Parameters:
    ///   - gatewayURL: where to connect for a new session (`GET /gateway/bot`, cached after the first call).
    ///   - onDispatch: called for every dispatch, in order; it should return quickly.
    public init(
        token: DiscordToken, intents: GatewayIntents = .guilds, timing: GatewayTiming = GatewayTiming(),
        gatewayURL: @escaping @Sendable () async throws -> String, logger: Logger, onDispatch: @escaping DispatchHandler
    ) {
        self.token = token
        self.intents = intents
        self.timing = timing
        self.gatewayURL = gatewayURL
        self.onDispatch = onDispatch
        self.logger = logger
    }

    /// The last sequence number received.
    public var lastSequence: Int? { session.sequence }
    public var sessionID: String? { session.sessionID }

    /// Connects and reconnects until cancelled (returns) or a fatal close code (throws
    /// `DiscordError.gatewayClosed`).
    public func run() async throws {
        var backoff = timing.initialBackoff
        while !Task.isCancelled {
            let resuming = session.canResume
            let outcome: ConnectionOutcome
            do {
                let base = resuming ? session.resumeURL ?? "" : try await newSessionURL()
                outcome = try await connect(to: Self.withQuery(base), resuming: resuming)
                backoff = timing.initialBackoff
            } catch {
                if Task.isCancelled { return }
                logger.warning("gateway connection failed; retrying", metadata: ["error": "\(type(of: error))", "in": "\(backoff)"])
                try? await Task.sleep(for: backoff)
                backoff = min(backoff * 2, timing.maximumBackoff)
                continue
            }
            if Task.isCancelled { return }
            switch outcome {
            case .resume(let reason):
                logger.info("gateway reconnecting to resume", metadata: ["reason": "\(reason)"])
            case .reidentify(let reason, let delay):
                logger.info("gateway starting a new session", metadata: ["reason": "\(reason)"])
                session.forget()
                try? await Task.sleep(for: delay)
            case .stop(let code, let reason):
                logger.critical("gateway closed with \(code) (\(reason)); the Discord bot stops and will not reconnect")
                throw DiscordError.gatewayClosed(code: code, reason: reason)
            }
        }
    }

    private func newSessionURL() async throws -> String {
        if let cachedGatewayURL { return cachedGatewayURL }
        let url = try await gatewayURL()
        cachedGatewayURL = url
        return url
    }

    static func withQuery(_ url: String) -> String {
        let base = url.split(separator: "?", maxSplits: 1).first.map(String.init) ?? url
        return base + "?v=10&encoding=json"
    }

    /// One socket, from connect to close; returns how it ended.
    private func connect(to url: String, resuming: Bool) async throws -> ConnectionOutcome {
        connectionCount += 1
        await sendLimiter.reset()
        let state = ConnectionState()
        // READY and GUILD_CREATE can be hundreds of KB.
        let configuration = WebSocketClientConfiguration(maxFrameSize: 1 << 24, closeTimeout: .seconds(2))
        let closeFrame = try await WebSocketClient.connect(url: url, configuration: configuration, logger: logger) {
            inbound, outbound, _ in
            try await self.serve(inbound: inbound, outbound: outbound, state: state, resuming: resuming)
        }
        if let outcome = state.outcome { return outcome }
        let code = closeFrame.map { Self.number(of: $0.closeCode) }
        switch GatewayCloseAction(closeCode: code) {
        case .resume: return .resume("closed with \(code.map(String.init) ?? "no code")")
        case .reidentify: return .reidentify("closed with \(code ?? 0)", delay: .zero)
        case .stop(let reason): return .stop(code: code ?? 0, reason: reason)
        }
    }

    private nonisolated func serve(
        inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter, state: ConnectionState, resuming: Bool
    ) async throws {
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            var messages = inbound.messages(maxSize: 1 << 24).makeAsyncIterator()
            while let message = try await messages.next() {
                guard case .text(let text) = message, let frame = GatewayFrame(text: text) else { continue }
                if let interval = try await handle(frame, outbound: outbound, state: state, resuming: resuming) {
                    tasks.addTask { try await self.heartbeat(every: interval, outbound: outbound, state: state) }
                }
                if state.outcome != nil { break }
            }
            tasks.cancelAll()
        }
    }

    /// Handles one payload; returns the heartbeat interval when it was Hello.
    private func handle(_ frame: GatewayFrame, outbound: WebSocketOutboundWriter, state: ConnectionState, resuming: Bool)
        async throws -> Duration?
    {
        switch GatewayOpcode(rawValue: frame.op) {
        case .hello:
            guard let hello = frame.decode(HelloData.self), hello.heartbeatInterval > 0 else {
                throw DiscordError.malformedPayload("Hello without heartbeat_interval")
            }
            if resuming, let sessionID = session.sessionID {
                try await send(GatewayCommand.resume(token: token, sessionID: sessionID, sequence: session.sequence), outbound)
            } else {
                try await send(GatewayCommand.identify(token: token, intents: intents), outbound)
            }
            return .milliseconds(hello.heartbeatInterval)
        case .heartbeatACK:
            state.acknowledged()
        case .heartbeat:
            try await send(GatewayCommand.heartbeat(sequence: session.sequence), outbound, heartbeat: true)
        case .dispatch:
            if let sequence = frame.sequence { session.sequence = sequence }
            if frame.name == "READY", let ready = frame.decode(ReadyData.self) {
                session.sessionID = ready.sessionID
                session.resumeURL = ready.resumeGatewayURL
                logger.info("gateway ready")
            } else if frame.name == "RESUMED" {
                logger.info("gateway session resumed", metadata: ["sequence": "\(session.sequence ?? 0)"])
            }
            await onDispatch(GatewayDispatch(name: frame.name ?? "", sequence: frame.sequence, data: frame.data))
        case .reconnect:
            state.end(.resume("Discord asked to reconnect"))
            try? await outbound.close(.unknown(4000), reason: "reconnect")
        case .invalidSession:
            if frame.data == Data("true".utf8) {
                state.end(.resume("invalid session, resumable"))
            } else {
                let seconds = Double.random(in: timing.invalidSessionDelay)
                state.end(.reidentify("invalid session", delay: .milliseconds(Int64(seconds * 1_000))))
            }
            try? await outbound.close(.unknown(4000), reason: "invalid session")
        default:
            break
        }
        return nil
    }

    private nonisolated func heartbeat(every interval: Duration, outbound: WebSocketOutboundWriter, state: ConnectionState)
        async throws
    {
        try await Task.sleep(for: interval * timing.jitter())
        while !Task.isCancelled {
            guard state.heartbeatSent() else {
                state.end(.resume("zombie connection: no heartbeat ACK"))
                logger.warning("gateway heartbeat not acknowledged; reconnecting")
                try? await outbound.close(.unknown(4000), reason: "zombie")
                return
            }
            try await send(GatewayCommand.heartbeat(sequence: await session.sequence), outbound, heartbeat: true)
            try await Task.sleep(for: interval)
        }
    }

    private func send(_ text: String, _ outbound: WebSocketOutboundWriter, heartbeat: Bool = false) async throws {
        try await sendLimiter.acquire(heartbeat: heartbeat)
        try await outbound.write(.text(text))
    }

    private static func number(of code: WebSocketErrorCode) -> Int {
        switch code {
        case .normalClosure: 1000
        case .goingAway: 1001
        case .protocolError: 1002
        case .unacceptableData: 1003
        case .dataInconsistentWithMessage: 1007
        case .policyViolation: 1008
        case .messageTooLarge: 1009
        case .missingExtension: 1010
        case .unexpectedServerError: 1011
        case .unknown(let value): Int(value)
        }
    }
}
