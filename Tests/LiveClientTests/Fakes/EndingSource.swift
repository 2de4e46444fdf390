import LiveClient

/// A sim that runs until something the test waits for has happened (a fake console sent its last
/// packet, say), then ends as a replay does, so the streamer delivers what it has and closes the
/// session with 1000. The UDP adapters themselves run until cancelled.
struct EndingSource<Inner: SimSource>: SimSource {
    let inner: Inner
    let until: @Sendable () async -> Void

    var displayName: String { inner.displayName }

    func run(emit: @escaping @Sendable (SimEvent) async -> Void) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            group.addTask { try await inner.run(emit: emit) }
            group.addTask { await until() }
            _ = try await group.next()
            group.cancelAll()
        }
    }
}
