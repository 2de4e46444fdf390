import LiveClient
import Telemetry

/// Everything a sim adapter emitted, and a way to wait (with a deadline) until it emitted
/// something: waiters are resumed by the append that satisfies them, nothing polls. Waiters see
/// a `Summary` kept up to date on each append (a condition over every event on every append
/// would cost the test O(n²) and slow the adapter it watches).
actor SimEventLog {
    struct Summary: Sendable {
        var frames = 0
        var statuses: [SimStatus] = []
        /// The latest `.packetsLost` count.
        var lost = 0
    }

    private(set) var events: [SimEvent] = []
    private(set) var summary = Summary()
    private var waiters: [(id: Int, satisfied: @Sendable (Summary) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextID = 0

    func append(_ event: SimEvent) {
        events.append(event)
        switch event {
        case .frame: summary.frames += 1
        case .status(let status):
            summary.statuses.append(status)
            if case .packetsLost(let lost, _) = status { summary.lost = lost }
        case .session: break
        }
        guard !waiters.isEmpty else { return }
        let ready = waiters.filter { $0.satisfied(summary) }
        waiters.removeAll { waiter in ready.contains { $0.id == waiter.id } }
        for waiter in ready { waiter.continuation.resume(returning: true) }
    }

    /// True once `condition` holds; false after `timeout` without it.
    func wait(timeout: Duration, until condition: @escaping @Sendable (Summary) -> Bool) async -> Bool {
        if condition(summary) { return true }
        let id = nextID
        nextID += 1
        let deadline = Task { [weak self] in
            try? await Task.sleep(for: timeout)
            await self?.expire(id)
        }
        defer { deadline.cancel() }
        return await withCheckedContinuation { waiters.append((id, condition, $0)) }
    }

    private func expire(_ id: Int) {
        guard let index = waiters.firstIndex(where: { $0.id == id }) else { return }
        waiters.remove(at: index).continuation.resume(returning: false)
    }

    var frames: [TelemetryFrame] { events.compactMap { if case .frame(let frame) = $0 { frame } else { nil } } }
    var statuses: [SimStatus] { summary.statuses }
    var sessions: [SessionDescriptor] { events.compactMap { if case .session(let session) = $0 { session } else { nil } } }
}

/// Runs a source until `stop()`; what it emits goes to `log`.
struct SourceRun: Sendable {
    let log = SimEventLog()
    let task: Task<Void, any Error>

    init(_ source: any SimSource) {
        let log = self.log
        task = Task { try await source.run { await log.append($0) } }
    }

    /// Cancels the source and returns how it ended.
    func stop() async -> (any Error)? {
        task.cancel()
        do {
            try await task.value
            return nil
        } catch {
            return error
        }
    }
}
