import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A fake Discord on 127.0.0.1 (a free port) speaking real HTTP: `/oauth2/authorize` (the
/// consent, answered at once), `/api/v10/oauth2/token` and `/api/v10/users/@me`.
public struct FakeDiscordOAuthServer: Sendable {
    public let baseURL: String
    public let state: FakeDiscordOAuthState

    public var authorizeURL: String { baseURL + "/oauth2/authorize" }
    public var apiBaseURL: String { baseURL + "/api/v10" }

    public static func with<T: Sendable>(
        state: FakeDiscordOAuthState, _ body: @Sendable (FakeDiscordOAuthServer) async throws -> T
    ) async throws -> T {
        var logger = Logger(label: "fake-discord-oauth")
        logger.logLevel = .critical
        let router = Router()
        FakeDiscordOAuthRoutes(fake: state).register(on: router)
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "fake-discord"),
            onServerRunning: { channel in continuation.yield("http://127.0.0.1:\(channel.localAddress?.port ?? 0)") }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = urls.makeAsyncIterator()
            guard let url = await iterator.next() else { throw CancellationError() }
            let result: Result<T, any Error>
            do { result = .success(try await body(FakeDiscordOAuthServer(baseURL: url, state: state))) } catch { result = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }
}
