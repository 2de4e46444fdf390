import NIOCore
import ServiceLifecycle
import Synchronization

/// One clock for the coalesced acks of every attached session.
///
/// A session sends an ack from its drain at most once per `live.ack_interval_ms`; an ack held
/// back by that interval goes out with a later drain. While batches flow the next batch's drain
/// sends it; when none comes in time, this ticker drains the session (only then: `TickGate`). It
/// used to be one sleeping task per connection: at 1,000 drivers that was 4,000 timers a second,
/// about 6 % of the server's CPU (docs/performance.md). One shared timer does the same job.
final class AckTicker: Sendable {
    /// Keyed by attachment, not by session: a resumed session is attached by its new socket
    /// before the old socket's connection has finished and removed its own entry.
    private let sessions = Mutex<(next: UInt64, attached: [UInt64: LiveSession])>((0, [:]))

    /// How often the ticker looks: a quarter of the ack interval. A look costs one atomic load
    /// per attached session (`TickGate`), and an ack held back goes out at most a quarter
    /// interval after it is due: a client that waits for that ack before it sends more (a full
    /// send window) loses little time. Looking once per interval made such a client wait up to
    /// a whole interval more, and as-fast-as-possible clients sent 20 % fewer batches.
    let tickInterval: Duration

    /// `interval`: `live.ack_interval_ms`.
    init(interval: Duration) {
        self.tickInterval = max(interval / 4, .milliseconds(1))
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

    /// Once per `tickInterval` until cancelled, drains each attached session whose held work is
    /// due, one after another on this task. A drain does not wait for anything (not the socket,
    /// not the database), so one session cannot hold the others' acks back for longer than its
    /// coaching takes; a finishing session is skipped (its final drain sends what is owed).
    func run() async {
        while !Task.isCancelled {
            do { try await Task.sleep(for: tickInterval) } catch { return }
            let attached = sessions.withLock { Array($0.attached.values) }
            let now = NIODeadline.now()
            for session in attached where session.hasDueWork(at: now) { await session.drainNow() }
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
