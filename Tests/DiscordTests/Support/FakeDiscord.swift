import AsyncHTTPClient
import Discord
import Foundation
import Synchronization
import HTTPTypes
import Hummingbird
import HummingbirdWebSocket
import Logging
import NIOCore
import ServiceLifecycle

/// A fake Discord on 127.0.0.1 with a free port: REST under `/api/v10` and the gateway
/// WebSocket at `/gateway` (new sessions) and `/resume` (the READY's resume URL).
struct FakeDiscord: Sendable {
    static let token = "MTk4NjIyNDgzNDcxOTI1MjQ4.Cl2FMQ.ZnCjm1XVW7vRze4b7Cq4se7kKWs"
    /// The bot's user id, as Discord encodes it in the token's first part (base64): the author
    /// of the bot's messages and the `user` of its READY.
    static let botUserID = String(decoding: Data(base64Encoded: String(token.prefix { $0 != "." })) ?? Data(), as: UTF8.self)
    let port: Int
    let rest: FakeDiscordREST
    let gateway: FakeGateway
    /// An HTTP client for tests that make their own `DiscordREST`, shut down with the fake.
    let http: HTTPClient

    var baseURL: String { "http://127.0.0.1:\(port)/api/v10" }
    var gatewayURL: String { "ws://127.0.0.1:\(port)/gateway" }

    /// A bot configuration pointing at this fake, with quick feed batches.
    func configuration(feedBatchInterval: Duration = .milliseconds(100), applicationID: String? = nil) -> DiscordConfiguration {
        DiscordConfiguration(
            applicationID: applicationID, restBaseURL: baseURL, feedBatchInterval: feedBatchInterval, feedQueueCapacity: 64)
    }

    @discardableResult
    static func with<T: Sendable>(_ body: @Sendable (FakeDiscord) async throws -> T) async throws -> T {
        var logger = Logger(label: "fake-discord")
        logger.logLevel = .error
        let rest = FakeDiscordREST(token: token)
        let gateway = FakeGateway(token: token)
        let portBox = PortBox()
        let router = Router(context: BasicWebSocketRequestContext.self)
        router.ws("/gateway") { inbound, outbound, _ in try await gateway.serve(inbound: inbound, outbound: outbound, path: "gateway") }
        router.ws("/resume") { inbound, outbound, _ in try await gateway.serve(inbound: inbound, outbound: outbound, path: "resume") }
        for method in [HTTPRequest.Method.get, .post, .put, .patch] {
            router.on("/api/v10/**", method: method) { request, _ -> Response in
                let body = try await request.body.collect(upTo: 32 * 1_024 * 1_024)
                let recorded = FakeDiscordREST.Recorded(
                    method: method.rawValue, path: String(request.uri.path.dropFirst("/api/v10/".count)), query: request.uri.query,
                    authorization: request.headers[.authorization], userAgent: request.headers[.userAgent],
                    contentType: request.headers[.contentType], body: Data(body.readableBytesView))
                let reply = await rest.handle(recorded, gatewayURL: "ws://127.0.0.1:\(portBox.port)/gateway")
                var headers = HTTPFields()
                for (name, value) in reply.headers {
                    if let field = HTTPField.Name(name) { headers.append(HTTPField(name: field, value: value)) }
                }
                if headers[.contentType] == nil, !reply.body.isEmpty { headers[.contentType] = "application/json" }
                return Response(
                    status: HTTPResponse.Status(code: reply.status), headers: headers, body: .init(byteBuffer: ByteBuffer(bytes: reply.body)))
            }
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, server: .http1WebSocketUpgrade(webSocketRouter: router),
            configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in continuation.yield(channel.localAddress?.port ?? 0) }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next() else { throw TestFailure("fake Discord did not start") }
            portBox.port = port
            await gateway.configure(resumeURL: "ws://127.0.0.1:\(port)/resume")
            let http = HTTPClient(eventLoopGroupProvider: .singleton)
            let fake = FakeDiscord(port: port, rest: rest, gateway: gateway, http: http)
            let result: Result<T, any Error>
            do { result = .success(try await body(fake)) } catch { result = .failure(error) }
            // Hummingbird's graceful shutdown waits for every open connection, and a connection
            // that has not sent a request yet ignores it: clients close theirs first.
            try? await http.shutdown()
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }
}

/// The fake's port, known only once it listens.
final class PortBox: Sendable {
    private let value = Mutex(0)
    var port: Int {
        get { value.withLock { $0 } }
        set { value.withLock { $0 = newValue } }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Polls `condition` until true; fails after `seconds`.
func eventually(_ what: String, seconds: Double = 20, _ condition: @Sendable () async -> Bool) async throws {
    let deadline = ContinuousClock.now + .milliseconds(Int64(seconds * 1_000))
    while ContinuousClock.now < deadline {
        if await condition() { return }
        try await Task.sleep(for: .milliseconds(10))
    }
    throw TestFailure("timed out waiting for \(what)")
}
