import Foundation

/// The time the reminders go by: the wall clock in the server, a shifted one in tests (so a
/// stint in 2030 can be an hour away without waiting until then).
public protocol TeamClock: Sendable {
    func now() -> Date
    /// Returns at `date` (at once when it has passed); throws when cancelled.
    func sleep(until date: Date) async throws
}

/// The wall clock.
public struct SystemTeamClock: TeamClock {
    public init() {}

    public func now() -> Date { Date() }

    public func sleep(until date: Date) async throws {
        let seconds = date.timeIntervalSinceNow
        if seconds > 0 { try await Task.sleep(for: .seconds(seconds)) }
    }
}
