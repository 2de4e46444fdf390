import Foundation

extension LoadReport {
    /// The final table a person reads (stdout).
    public var table: String {
        func ms(_ value: Double) -> String { String(format: "%.2f", value) }
        func rate(_ value: Double) -> String { String(format: "%.0f", value) }
        func row(_ name: String, _ p: Percentiles) -> String {
            let cells = [p.p50, p.p90, p.p99, p.p999, p.max].map(ms).map { $0.padding(toLength: 9, withPad: " ", startingAt: 0) }
            return name.padding(toLength: 16, withPad: " ", startingAt: 0) + cells.joined() + "n=\(p.count)"
        }
        var lines = [
            "target \(target.rawValue), \(drivers) drivers, \(String(format: "%.1f", durationSeconds)) s "
                + "(rates over the last \(String(format: "%.1f", measuredSeconds)) s), \(batchFrames) frames per batch, \(format), \(pacing)",
            "latency (ms)    p50      p90      p99      p99.9    max",
            row(target == .echo ? "echo round trip" : "cue", cueLatencyMs),
            row("ack round trip", ackRttMs),
            "messages/s      sent \(rate(messagesPerSecond.sent))  received \(rate(messagesPerSecond.received))",
            "frames/s        sent \(rate(framesPerSecond.sent))  received \(rate(framesPerSecond.received))",
            "totals          cues \(totals.cues)  laps \(totals.laps)  clips \(totals.clips)  acks \(totals.acks)  "
                + "frames \(totals.framesSent) (+\(totals.framesResent) resent)",
            "reconnects      \(reconnects) (new session instead of resume: \(totals.resumesRejected), connect failures: \(totals.connectFailures))",
            "errors          " + (errors.isEmpty ? "none" : errors.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }.joined(separator: ", ")),
        ]
        if let memory {
            lines.append(
                "server memory   \(memory.residentBytesLoaded / 1_048_576) MiB loaded, \(memory.residentBytesBefore / 1_048_576) MiB before, "
                    + "\(String(format: "%.1f", memory.bytesPerDriver / 1_024)) KiB per driver (\(memory.source))")
        }
        return lines.joined(separator: "\n")
    }
}
