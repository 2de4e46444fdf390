import Foundation

/// The once-a-second status line: what the last second did and what the run has seen so far.
struct ProgressLine: Sendable {
    /// The line for the second between `previous` and `current`, `elapsed` seconds into the run.
    static func line(elapsed: Double, drivers: Int, previous: LoadRecorder.Totals, current: LoadRecorder.Totals) -> String {
        let cue = current.cueLatency.percentiles
        let errors = current.errors.values.reduce(0, +)
        return String(
            format: "%5.0fs  drivers %d/%d  sent %d msg/s  recv %d msg/s  cues %d  cue p50 %.2f ms p99 %.2f ms  errors %d  reconnects %d",
            elapsed, current.connectedDrivers, drivers, current.messagesSent - previous.messagesSent,
            current.messagesReceived - previous.messagesReceived, current.cues, cue.p50, cue.p99, errors, current.reconnects)
    }
}
