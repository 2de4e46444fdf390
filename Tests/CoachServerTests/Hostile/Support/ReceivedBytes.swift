import NIOCore
import Synchronization

/// The bytes a `HostileSocket` has received and not yet consumed, and whether the connection
/// ended; a reader waits for more without polling (woken by the next append, the end, or its
/// deadline on the socket's event loop).
final class ReceivedBytes: Sendable {
    private struct State {
        var bytes: [UInt8] = []
        var ended = false
        var error: String?
        /// Grows with every append and at the end, so a reader never misses a change.
        var version: UInt64 = 0
        var waiters: [UInt64: CheckedContinuation<Void, Never>] = [:]
        var nextWaiter: UInt64 = 0

        mutating func changed() -> [CheckedContinuation<Void, Never>] {
            version += 1
            defer { waiters.removeAll() }
            return Array(waiters.values)
        }
    }

    private let state = Mutex(State())

    func append(_ bytes: [UInt8]) {
        let waiters = state.withLock { state in
            state.bytes += bytes
            return state.changed()
        }
        for waiter in waiters { waiter.resume() }
    }

    func noteError(_ error: String) { state.withLock { $0.error = $0.error ?? error } }

    func finish() {
        let waiters = state.withLock { state in
            state.ended = true
            return state.changed()
        }
        for waiter in waiters { waiter.resume() }
    }

    /// See `HostileSocket.read`.
    func read<T: Sendable>(
        _ what: String, deadline: NIODeadline, on eventLoop: any EventLoop, _ complete: @Sendable ([UInt8]) -> (T, used: Int)?
    ) async throws -> T {
        while true {
            let (result, ended, version): (T?, Bool, UInt64) = state.withLock { state in
                guard let (value, used) = complete(state.bytes) else { return (nil, state.ended, state.version) }
                state.bytes.removeFirst(used)
                return (value, state.ended, state.version)
            }
            if let result { return result }
            if ended { throw HostileSocket.Failure.closed(what) }
            guard NIODeadline.now() < deadline else { throw HostileSocket.Failure.timedOut(what) }
            await waitForChange(after: version, until: deadline, on: eventLoop)
        }
    }

    /// Everything left once the connection has ended, and the error it ended with, if any.
    func readUntilClosed(deadline: NIODeadline, on eventLoop: any EventLoop) async throws -> (bytes: [UInt8], error: String?) {
        while true {
            let (ended, version): (Bool, UInt64) = state.withLock { ($0.ended, $0.version) }
            if ended {
                return state.withLock { state in
                    defer { state.bytes.removeAll() }
                    return (state.bytes, state.error)
                }
            }
            guard NIODeadline.now() < deadline else { throw HostileSocket.Failure.timedOut("the end of the connection") }
            await waitForChange(after: version, until: deadline, on: eventLoop)
        }
    }

    private func waitForChange(after version: UInt64, until deadline: NIODeadline, on eventLoop: any EventLoop) async {
        await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
            let id: UInt64? = state.withLock { state in
                guard state.version == version else { return nil }
                state.nextWaiter += 1
                state.waiters[state.nextWaiter] = continuation
                return state.nextWaiter
            }
            guard let id else { return continuation.resume() }
            eventLoop.scheduleTask(deadline: deadline) { [self] in
                state.withLock { $0.waiters.removeValue(forKey: id) }?.resume()
            }
        }
    }
}
