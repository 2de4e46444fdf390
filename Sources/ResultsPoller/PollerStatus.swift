import Foundation

/// What `/api/v1/health` shows about the poller.
public struct ResultsPollerHealth: Sendable, Equatable, Codable {
    public enum State: String, Sendable, Codable {
        /// Not started yet.
        case starting
        /// In a cycle.
        case polling
        /// The last cycle succeeded; waiting for the next.
        case idle
        /// The last cycle finished with some failures (one driver, one post...).
        case degraded
        /// The last cycle could not reach iRacing at all.
        case failing
        case stopped
    }

    public var state: State
    public var lastSuccess: Date?
    public var lastCycleEnd: Date?
    /// Stable code of the last error (`IRacingError.code`, ...), nil after a clean cycle.
    public var lastError: String?
    public var trackedDrivers: Int
    public var pendingPosts: Int

    public init(
        state: State, lastSuccess: Date? = nil, lastCycleEnd: Date? = nil, lastError: String? = nil, trackedDrivers: Int = 0,
        pendingPosts: Int = 0
    ) {
        self.state = state
        self.lastSuccess = lastSuccess
        self.lastCycleEnd = lastCycleEnd
        self.lastError = lastError
        self.trackedDrivers = trackedDrivers
        self.pendingPosts = pendingPosts
    }
}

/// One finished cycle, as `/admin` lists it.
public struct RecordedPollCycle: Sendable, Equatable {
    public var endedAt: Date
    public var report: PollCycleReport
}

/// The poller's state, shared between its run loop, the health endpoint and `/admin`.
public actor PollerStatus {
    public private(set) var health = ResultsPollerHealth(state: .starting)
    /// The last `recentCycleCapacity` cycles, newest first.
    public private(set) var recentCycles: [RecordedPollCycle] = []
    let recentCycleCapacity: Int

    /// - Parameter recentCycleCapacity: cycles kept for `/admin` (`admin.recent_cycles`).
    public init(recentCycleCapacity: Int = 20) {
        self.recentCycleCapacity = max(1, recentCycleCapacity)
    }

    func cycleStarted() {
        health.state = .polling
    }

    func cycleFinished(_ report: PollCycleReport, at date: Date = Date()) {
        recentCycles.insert(RecordedPollCycle(endedAt: date, report: report), at: 0)
        if recentCycles.count > recentCycleCapacity { recentCycles.removeLast(recentCycles.count - recentCycleCapacity) }
        health.lastCycleEnd = date
        health.trackedDrivers = report.trackedMembers
        health.pendingPosts = report.pendingAfter
        health.lastError = report.errors.first
        if report.errors.isEmpty {
            health.state = .idle
            health.lastSuccess = date
        } else {
            health.state = report.membersChecked == 0 && report.trackedMembers > 0 ? .failing : .degraded
        }
    }

    func stopped() {
        health.state = .stopped
    }
}
