import CoachServer
import Foundation
import Logging
import ServerSettings
import ServiceLifecycle

/// A real server on 127.0.0.1 with a free port, run for the duration of `body`.
struct RunningServer: Sendable {
    /// `http://127.0.0.1:PORT` (or https), as the server announced it.
    let baseURL: String
    let backend: TestBackend
    let server: TrailbrakeServer

    var port: Int { Int(baseURL.split(separator: ":").last ?? "") ?? 0 }
    var liveURL: String {
        baseURL.replacingOccurrences(of: "http", with: "ws") + "/api/v1/coaching/live"
    }

    @discardableResult
    static func with<T: Sendable>(
        backend: TestBackend = TestBackend(),
        configure: (inout ServerConfiguration) -> Void = { _ in },
        logger: Logger? = nil,
        _ body: @Sendable (RunningServer) async throws -> T
    ) async throws -> T {
        var configuration = ServerConfiguration()
        configuration.server.port = 0
        configuration.live.helloTimeoutSeconds = 5
        // The fake store takes 150 ms a lap: far below this even on a loaded machine, so a lap is
        // reported `stored: false` only in tests that set a short wait on purpose.
        configuration.storage.lapStoreWaitMilliseconds = 20_000
        configure(&configuration)
        let logger = logger ?? {
            var logger = Logger(label: "test-server")
            logger.logLevel = .warning
            return logger
        }()
        let server = TrailbrakeServer(configuration: configuration, dependencies: backend.dependencies, logger: logger)
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let application = try server.makeApplication { url in continuation.yield(url) }
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))

        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = urls.makeAsyncIterator()
            guard let url = await iterator.next() else { throw TestFailure("server did not start") }
            let running = RunningServer(baseURL: url, backend: backend, server: server)
            let result: Result<T, any Error>
            do { result = .success(try await body(running)) } catch { result = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }
}

struct TestFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Fails instead of hanging when the server never answers.
@discardableResult
func withTimeout<T: Sendable>(seconds: Double = 15, _ body: @escaping @Sendable () async throws -> T) async throws -> T {
    try await withThrowingTaskGroup(of: T.self) { group in
        group.addTask { try await body() }
        group.addTask {
            try await Task.sleep(for: .seconds(seconds))
            throw TestFailure("timed out after \(seconds) s")
        }
        defer { group.cancelAll() }
        guard let first = try await group.next() else { throw TestFailure("no result") }
        return first
    }
}
