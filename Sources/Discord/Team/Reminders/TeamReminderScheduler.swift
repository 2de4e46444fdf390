import Foundation
import Logging
import Storage
import Synchronization

/// Sends each driver a DM a lead time before each of their stints. One task and one timer:
/// the timer is set for the next reminder due (from the store) and set again after each pass
/// and whenever a publish or a deletion wakes the scheduler; nothing polls and nothing sleeps
/// per reminder. A reminder is queued in the DM queue and marked sent in one transaction
/// (`TeamRepository.queueDueReminders`), so a restart neither repeats nor loses one.
final class TeamReminderScheduler: Sendable {
    let repository: TeamRepository
    let lead: TimeInterval
    let clock: any TeamClock
    let directMessages: DirectMessageWorker
    let logger: Logger
    /// After a failed store read, the next try.
    static let retryAfterFailure: TimeInterval = 30
    private let wakeups: AsyncStream<Void>
    private let continuation: AsyncStream<Void>.Continuation
    /// The one armed timer, replaced at each arming.
    private let timer = Mutex<Task<Void, Never>?>(nil)

    init(repository: TeamRepository, lead: TimeInterval, clock: any TeamClock, directMessages: DirectMessageWorker, logger: Logger) {
        self.repository = repository
        self.lead = lead
        self.clock = clock
        self.directMessages = directMessages
        self.logger = logger
        (wakeups, continuation) = AsyncStream.makeStream(of: Void.self, bufferingPolicy: .bufferingNewest(1))
    }

    /// Plans changed: look again for the next reminder.
    func wake() { continuation.yield() }

    func run() async {
        continuation.yield()
        for await _ in wakeups {
            if Task.isCancelled { break }
            arm(at: await pass())
        }
        arm(at: nil)
    }

    /// Queues every reminder due now; returns when the next one is due (nil: none waits).
    func pass() async -> Date? {
        do {
            var queued = 0
            defer { if queued > 0 { directMessages.wake() } }
            // Bounded: a backlog larger than this is taken up by an immediate next pass.
            for _ in 0..<20 {
                queued += try await repository.queueDueReminders(now: clock.now(), lead: lead)
                let next = try await repository.nextReminderDue(lead: lead)
                guard let next, next <= clock.now() else { return next }
            }
            return clock.now()
        } catch {
            logger.warning("team reminders: reading the store failed", metadata: ["error": "\(error)"])
            return clock.now().addingTimeInterval(Self.retryAfterFailure)
        }
    }

    private func arm(at date: Date?) {
        let clock = clock
        let continuation = continuation
        let next = date.map { due in
            Task {
                do { try await clock.sleep(until: due) } catch { return }
                continuation.yield()
            }
        }
        timer.withLock { armed in
            armed?.cancel()
            armed = next
        }
    }
}
