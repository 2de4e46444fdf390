import Synchronization

/// Decides, exactly once, whether `hello` or the hello timeout came first.
final class HelloLatch: Sendable {
    private enum State { case waiting, helloReceived, timedOut }
    private let state = Mutex(State.waiting)

    /// True when the hello is in time (the timeout has not fired).
    func receiveHello() -> Bool { settle(.helloReceived) }
    /// True when the timeout wins (no hello yet): the connection must be closed.
    func timeOut() -> Bool { settle(.timedOut) }

    private func settle(_ outcome: State) -> Bool {
        state.withLock { state in
            guard case .waiting = state else { return state == outcome }
            state = outcome
            return true
        }
    }
}
