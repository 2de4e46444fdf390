import LiveClient
import Telemetry

/// Everything a sim adapter emitted, and a way to wait (with a deadline) until it emitted
/// something: waiters are resumed by the append that satisfies them, nothing polls.
actor SimEventLog {
    private(set) var events: [SimEvent] = []
    private var waiters: [(id: Int, satisfied: @Sendable ([SimEvent]) -> Bool, continuation: CheckedContinuation<Bool, Never>)] = []
    private var nextID = 0

    func append(_ event: SimEvent) {
        events.append(event)
        let ready = waiters.filter { $0.satisfied(events) }
        waiters.removeAll { waiter in ready.contains { $0.id == waiter.id } }
        for waiter in ready { waiter.continuation.resume(returning: true) }
    }

    /// True once `condition` holds for the events so far; false after `timeout` without it.
    func wait(timeout: Duration, until condition: @escaping @Sendable ([SimEvent]) -> Bool) async -> Bool {
        if condition(events) { return true }
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
    var statuses: [SimStatus] { events.compactMap { if case .status(let status) = $0 { status } else { nil } } }
    var sessions: [SessionDescriptor] { events.compactMap { if case .session(let session) = $0 { session } else { nil } } }
}

extension Array where Element == SimEvent {
    var frameCount: Int { reduce(0) { if case .frame = $1 { $0 + 1 } else { $0 } } }
    var statuses: [SimStatus] { compactMap { if case .status(let status) = $0 { status } else { nil } } }
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
