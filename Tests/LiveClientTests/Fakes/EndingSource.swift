import LiveClient
import Synchronization

/// A sim that runs until something the test waits for has happened (a fake console sent its last
/// packet, say) and the adapter has then gone `quiet` (no frame for that long: the last packets
/// have made their way through it, however loaded the machine), then ends as a replay does, so
/// the streamer delivers what it has and closes the session with 1000. The UDP adapters
/// themselves run until cancelled.
struct EndingSource<Inner: SimSource>: SimSource {
    let inner: Inner
    var quiet: Duration = .seconds(1)
    let until: @Sendable () async -> Void

    var displayName: String { inner.displayName }

    func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws {
        let lastEvent = LastFrameTime()
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask {
                try await inner.run { event in
                    if case .frame = event { lastEvent.time.withLock { $0 = .now } }
                    await emit(event)
                }
            }
            group.addTask { [quiet] in
                await until()
                // Test code: re-checks at most a few times until the adapter has been quiet.
                while true {
                    let silentFor = ContinuousClock.now - lastEvent.time.withLock { $0 }
                    if silentFor >= quiet { return }
                    try? await Task.sleep(for: quiet - silentFor)
                }
            }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}

/// When the adapter last emitted a frame, shared by the source's two tasks.
private final class LastFrameTime: Sendable {
    let time = Mutex(ContinuousClock.now)
}
