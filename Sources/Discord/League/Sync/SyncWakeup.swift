import Synchronization

/// Wakes the sync service: a `/sync`, a settings change, or the timer the service sets for the
/// next guild due. A signal while nobody waits is kept (one), so none is lost between cycles.
final class SyncWakeup: Sendable {
    private struct State {
        var pending = false
        var waiter: CheckedContinuation<Void, Never>?
    }

    private let state = Mutex(State())

    func signal() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            guard let waiter = state.waiter else {
                state.pending = true
                return nil
            }
            state.waiter = nil
            return waiter
        }
        waiter?.resume()
    }

    /// Returns at the first signal, at `deadline` (nil: no timer), or when the task is cancelled.
    func wait(until deadline: ContinuousClock.Instant?) async {
        await withTaskGroup(of: Void.self) { tasks in
            if let deadline {
                // The one timer: it fires a signal at the deadline and is cancelled otherwise.
                tasks.addTask {
                    if (try? await Task.sleep(until: deadline, clock: .continuous)) != nil { self.signal() }
                }
            }
            await withTaskCancellationHandler {
                await nextSignal()
            } onCancel: {
                self.signal()
            }
            tasks.cancelAll()
        }
    }

    private func nextSignal() async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let ready = state.withLock { state -> Bool in
                if state.pending || Task.isCancelled {
                    state.pending = false
                    return true
                }
                state.waiter = continuation
                return false
            }
            if ready { continuation.resume() }
        }
    }
}
