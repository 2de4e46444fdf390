import Logging
import ServiceLifecycle

/// Runs `service` (a span exporter) while `body` runs, then shuts it down gracefully, as the
/// server's service group does at the end (the exporter flushes what it holds).
public func withService<T: Sendable>(_ service: any Service, _ body: @Sendable () async throws -> T) async throws -> T {
    let group = ServiceGroup(configuration: .init(services: [service], logger: Logger(label: "with-service")))
    return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
        tasks.addTask { try await group.run() }
        let result: Result<T, any Error>
        do { result = .success(try await body()) } catch { result = .failure(error) }
        await group.triggerGracefulShutdown()
        try await tasks.waitForAll()
        return try result.get()
    }
}
