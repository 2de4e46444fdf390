import Coaching
import Synchronization

/// One driver's team messages waiting to be said, between the web `/team` form and the
/// driver's live session. Bounded (`team.messages_waiting_per_driver`): a message past the
/// bound is refused at once (the sender is told the driver has enough waiting), never queued
/// and never dropping an earlier one. A message is accepted only while the driver has a live
/// session; the session's drain says the first one where cues may be said and takes it off.
final class RelayBox: Sendable {
    enum Offer: Equatable {
        case queued
        /// No live session: nobody would hear it.
        case notLive
        /// `capacity` messages wait already.
        case full
    }

    private struct State {
        var waiting: [RelayedMessage] = []
        /// The sessions attached now (a driver may briefly have two: a resume racing a new one).
        var sessions: Set<String> = []
    }

    let capacity: Int
    private let state = Mutex(State())
    /// Messages waiting, read by the drain on every frame without the lock.
    private let count = Atomic<Int>(0)

    init(capacity: Int) {
        self.capacity = capacity
    }

    var hasWaiting: Bool { count.load(ordering: .relaxed) > 0 }

    func offer(_ message: RelayedMessage) -> Offer {
        state.withLock { state in
            guard !state.sessions.isEmpty else { return .notLive }
            guard state.waiting.count < capacity else { return .full }
            state.waiting.append(message)
            count.store(state.waiting.count, ordering: .relaxed)
            return .queued
        }
    }

    /// The message to say next, left in the box until `said`.
    var next: RelayedMessage? { state.withLock { $0.waiting.first } }

    /// The message was said: it leaves the box.
    func said(_ id: Int64) {
        state.withLock { state in
            state.waiting.removeAll { $0.id == id }
            count.store(state.waiting.count, ordering: .relaxed)
        }
    }

    func sessionStarted(_ sessionID: String) {
        state.withLock { _ = $0.sessions.insert(sessionID) }
    }

    /// The session ended; when it was the driver's last, the messages still waiting are
    /// returned (nobody will hear them) and the box is empty.
    func sessionEnded(_ sessionID: String) -> [RelayedMessage] {
        state.withLock { state in
            state.sessions.remove(sessionID)
            guard state.sessions.isEmpty else { return [] }
            defer {
                state.waiting.removeAll()
                count.store(0, ordering: .relaxed)
            }
            return state.waiting
        }
    }
}
