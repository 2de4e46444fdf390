import Foundation
import Synchronization
import Hummingbird
import Logging
import ServiceLifecycle

/// A fake iRacing on 127.0.0.1 (free port) speaking real HTTP to the real client: the OAuth
/// token endpoint, `/data/...` with link envelopes and counting rate-limit headers, the
/// pre-signed files (`/s3/<key>`) and chunk files (`/chunks/<key>`), and the faults of
/// `FakeFault`. Both base URLs of the client point at it.
struct FakeIRacingServer: Sendable {
    let baseURL: String
    let state: FakeIRacingState

    static func with<T: Sendable>(
        world: FakeWorld, configure: @Sendable (isolated FakeIRacingState) -> Void = { _ in },
        _ body: @Sendable (FakeIRacingServer) async throws -> T
    ) async throws -> T {
        let state = FakeIRacingState(world: world)
        await state.update(configure)
        var logger = Logger(label: "fake-iracing")
        logger.logLevel = .critical
        let router = Router()
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let baseBox = BaseURLBox()
        FakeRoutes(state: state, baseURL: baseBox).register(on: router)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0), serverName: "fake-iracing"),
            onServerRunning: { channel in
                let url = "http://127.0.0.1:\(channel.localAddress?.port ?? 0)"
                baseBox.set(url)
                continuation.yield(url)
            }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self, returning: T.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = urls.makeAsyncIterator()
            guard let url = await iterator.next() else { throw FixtureError("fake iRacing did not start") }
            let result: Result<T, any Error>
            do { result = .success(try await body(FakeIRacingServer(baseURL: url, state: state))) } catch { result = .failure(error) }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
            return try result.get()
        }
    }
}

/// The server's own address, known only once it listens (links point back at it).
final class BaseURLBox: Sendable {
    private let value = Mutex<String>("")
    func set(_ url: String) { value.withLock { $0 = url } }
    var url: String { value.withLock { $0 } }
}
