import ServerSettings

/// The lap store queue's bounds and timings, from `[storage]` (defaults justified there).
struct LapStoreSettings: Sendable, Equatable {
    /// How long `submit` waits for the lap's commit before answering `.pending`.
    var wait: Duration
    var maxPendingPerDriver: Int
    var concurrentWrites: Int
    /// Laps of one session waiting to be stored and reported (`LiveSession+LapReports`).
    var maxLapsWaitingPerSession: Int
    /// Cues of one session waiting for their record (`LiveSession+CueRecords`).
    var maxCueRecordsWaitingPerSession: Int
    /// Memory for laps kept after a failure; beyond it they go to files.
    var memoryBytes: Int
    var retryInitial: Duration
    var retryMax: Duration
    /// Lap files scheduled at once; more are listed once these are stored.
    var maxListedFiles = 10_000
    /// How long a shutdown lets queued laps store before it writes the rest to files: a write
    /// waiting for a lock gives up after the busy timeout, so one more second covers it.
    var shutdownWait: Duration

    init(_ storage: ServerConfiguration.Persistence) {
        wait = .milliseconds(storage.lapStoreWaitMilliseconds)
        maxPendingPerDriver = storage.maxPendingLapWritesPerDriver
        concurrentWrites = storage.concurrentLapWrites
        maxLapsWaitingPerSession = storage.maxLapsWaitingPerSession
        maxCueRecordsWaitingPerSession = storage.maxCueRecordsWaitingPerSession
        memoryBytes = storage.pendingLapsMemoryBytes
        retryInitial = .seconds(storage.retryInitialSeconds)
        retryMax = .seconds(max(storage.retryMaxSeconds, storage.retryInitialSeconds))
        shutdownWait = .milliseconds(storage.busyTimeoutMilliseconds) + .seconds(1)
    }

    /// `retryInitial` doubled per failure after the first, at most `retryMax`.
    func backoff(afterFailures failures: Int) -> Duration {
        let doublings = max(0, min(failures - 1, 30))
        return min(retryInitial * (1 << doublings), retryMax)
    }
}
