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
        do {
            try await tasks.waitForAll()
        } catch {
            // Said apart from the body's own errors, so a failure after every check passed
            // (a bare CancellationError seen now and then under load) names where it came from.
            throw ServerShutdownFailed(underlying: error, bodyResult: result.map { _ in "succeeded" })
        }
        return try result.get()
    }
}

/// The server's services threw while shutting down after the test body ran.
public struct ServerShutdownFailed: Error, CustomStringConvertible {
    public let underlying: any Error
    let bodyResult: Result<String, any Error>
    public var description: String {
        let body = (try? bodyResult.get()).map { "the test body \($0)" } ?? "the test body failed too"
        return "the coaching server failed while shutting down (\(body)): \(String(reflecting: underlying))"
    }
}

/// The server ended before it announced its address.
public struct ServerDidNotStart: Error, CustomStringConvertible {
    public var description: String { "the coaching server did not start" }
}
