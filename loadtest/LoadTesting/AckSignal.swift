import Synchronization

/// Wakes a driver's writer when its reader sees an acknowledgement, so the writer waits for
/// room in its window (or for the last acks of a replay) without polling.
///
/// A count of acknowledgements seen closes the gap between the writer checking its ledger and
/// starting to wait: it waits for the count to pass the one it read before checking.
final class AckSignal: Sendable {
    private struct State {
        var acknowledged: UInt64 = 0
        var waiter: (seen: UInt64, continuation: CheckedContinuation<Void, Never>)?
    }
    private let state = Mutex(State())

    /// How many acknowledgements have been seen; read it before looking at the ledger.
    var count: UInt64 { state.withLock { $0.acknowledged } }

    /// Called by the reader after it recorded an acknowledgement in the ledger.
    func acknowledged() {
        let waiter = state.withLock { state -> CheckedContinuation<Void, Never>? in
            state.acknowledged += 1
            defer { state.waiter = nil }
            return state.waiter?.continuation
        }
        waiter?.resume()
    }

    /// Returns once an acknowledgement after `seen` has been seen, or the task is cancelled
    /// (the socket closed). One writer waits at a time.
    func wait(after seen: UInt64) async {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let resumeNow = state.withLock { state -> Bool in
                    if state.acknowledged != seen || Task.isCancelled { return true }
                    state.waiter = (seen, continuation)
                    return false
                }
                if resumeNow { continuation.resume() }
            }
        } onCancel: {
            let waiter = state.withLock { state in
                defer { state.waiter = nil }
                return state.waiter?.continuation
            }
            waiter?.resume()
        }
    }
}
