import ServiceLifecycle
import Synchronization

/// One clock for the coalesced acks of every attached session.
///
/// A session sends an ack from its drain at most once per `live.ack_interval_ms`; an ack held
/// back by that interval goes out when something wakes the session later. While batches flow
/// the next batch does; when they stop, this ticker does (only then: `TickGate`). It used to be
/// one sleeping task per connection: at 1,000 drivers that was 4,000 timers a second, about 6 %
/// of the server's CPU (docs/performance.md). One shared timer does the same job.
final class AckTicker: Sendable {
    let interval: Duration
    /// Keyed by attachment, not by session: a resumed session is attached by its new socket
    /// before the old socket's connection has finished and removed its own entry.
    private let sessions = Mutex<(next: UInt64, attached: [UInt64: LiveSession])>((0, [:]))

    init(interval: Duration) {
        self.interval = interval
    }

    /// A session whose socket is attached now; returns the key that `remove` takes.
    func add(_ session: LiveSession) -> UInt64 {
        sessions.withLock { state in
            state.next += 1
            state.attached[state.next] = session
            return state.next
        }
    }

    /// The socket of attachment `key` has gone; a resume adds the session again.
    func remove(_ key: UInt64) {
        _ = sessions.withLock { $0.attached.removeValue(forKey: key) }
    }

    /// Wakes every attached session once per interval until cancelled.
    func run() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: interval) } catch { return }
            let attached = sessions.withLock { Array($0.attached.values) }
            for session in attached { session.tick() }
        }
    }
}

/// Runs the `AckTicker` until the service group shuts down.
struct AckTickerService: Service {
    let ticker: AckTicker

    func run() async throws {
        await cancelWhenGracefulShutdown { await ticker.run() }
    }
}
