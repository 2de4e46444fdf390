import Synchronization

/// What every driver of a run measured, in one place (drivers record from their own tasks).
final class LoadRecorder: Sendable {
    /// Counters and histograms at one moment.
    struct Totals: Sendable {
        var messagesSent = 0
        var messagesReceived = 0
        var framesSent = 0
        /// Frames sent again after a reconnect (not counted in `framesSent`).
        var framesResent = 0
        /// Frames that came back (the echo target only: the coaching server sends no frames).
        var framesReceived = 0
        var cues = 0
        var acks = 0
        var laps = 0
        var clips = 0
        var errors: [String: Int] = [:]
        var reconnects = 0
        /// Reconnects whose `welcome` started a new session instead of resuming.
        var resumesRejected = 0
        var connectFailures = 0
        var connectedDrivers = 0
        var cueLatency = LatencyHistogram()
        var ackRoundTrip = LatencyHistogram()
    }

    private let state = Mutex(Totals())

    func update(_ change: (inout Totals) -> Void) { state.withLock { change(&$0) } }

    var totals: Totals { state.withLock { $0 } }

    func recordError(_ code: String) { update { $0.errors[code, default: 0] += 1 } }
}
