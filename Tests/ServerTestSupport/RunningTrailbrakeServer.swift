import CoachServer
import Logging
import ServiceLifecycle

/// Runs a real `TrailbrakeServer` on its configured address (port 0: a free one) for the length
/// of `body`, then shuts it down gracefully and waits for it, so a test ends with no server left.
///
/// `body` gets the base URL the server announced, e.g. `http://127.0.0.1:53211`.
public func withRunningServer<T: Sendable>(
    _ server: TrailbrakeServer, logger: Logger, _ body: @Sendable (String) async throws -> T
) async throws -> T {
    let (urls, announce) = AsyncStream.makeStream(of: String.self)
    let application = try server.makeApplication { url in announce.yield(url) }
    let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
    return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
        tasks.addTask { try await group.run() }
        var iterator = urls.makeAsyncIterator()
        guard let url = await iterator.next() else { throw ServerDidNotStart() }
        let result: Result<T, any Error>
        do { result = .success(try await body(url)) } catch { result = .failure(error) }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return try result.get()
    }
}

/// The server ended before it announced its address.
public struct ServerDidNotStart: Error, CustomStringConvertible {
    public var description: String { "the coaching server did not start" }
}
