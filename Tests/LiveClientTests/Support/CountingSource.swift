import LiveClient
import Synchronization
import Telemetry

/// Passes another source's events on and counts the frames it produced.
struct CountingSource<Inner: SimSource>: SimSource {
    final class Counter: Sendable {
        let frames = Mutex(0)
    }

    let inner: Inner
    let counter = Counter()

    var displayName: String { inner.displayName }
    var count: Int { counter.frames.withLock { $0 } }

    func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws {
        let counter = self.counter
        try await inner.run { event in
            if case .frame = event { counter.frames.withLock { $0 += 1 } }
            await emit(event)
        }
    }
}
