import LiveClient
import Telemetry

/// A sim the test drives by hand: it emits whatever the test sends, until the test finishes it.
struct FeedSource: SimSource {
    let events: AsyncStream<SimEvent>
    let feed: AsyncStream<SimEvent>.Continuation

    init() {
        (events, feed) = AsyncStream.makeStream(of: SimEvent.self)
    }

    var displayName: String { "test sim" }

    func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws {
        for await event in events { await emit(event) }
    }
}
