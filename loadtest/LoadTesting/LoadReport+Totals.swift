extension LoadReport {
    /// The report of a run from what its recorder saw; rates count from the end of ramp-up.
    init(
        options: LoadOptions, totals: LoadRecorder.Totals, afterRamp: LoadRecorder.Totals, elapsed: Duration,
        measured: Duration, memory: Memory?
    ) {
        let seconds = max(measured / .seconds(1), 1e-9)
        func perSecond(_ now: Int, _ then: Int) -> Double { Double(now - then) / seconds }
        let pacing: String
        switch options.pacing {
        case .realTime: pacing = "real_time"
        case .asFastAsPossible: pacing = "as_fast_as_possible"
        }
        self.init(
            target: options.target, drivers: options.drivers, durationSeconds: elapsed / .seconds(1),
            measuredSeconds: measured / .seconds(1), batchFrames: options.batchSize, format: options.format.rawValue,
            pacing: pacing, cueLatencyMs: totals.cueLatency.percentiles, ackRttMs: totals.ackRoundTrip.percentiles,
            messagesPerSecond: Rates(
                sent: perSecond(totals.messagesSent, afterRamp.messagesSent),
                received: perSecond(totals.messagesReceived, afterRamp.messagesReceived)),
            framesPerSecond: Rates(
                sent: perSecond(totals.framesSent, afterRamp.framesSent),
                received: perSecond(totals.framesReceived, afterRamp.framesReceived)),
            totals: Totals(
                messagesSent: totals.messagesSent, messagesReceived: totals.messagesReceived, framesSent: totals.framesSent,
                framesResent: totals.framesResent, cues: totals.cues, acks: totals.acks, laps: totals.laps, clips: totals.clips,
                resumesRejected: totals.resumesRejected, connectFailures: totals.connectFailures),
            errors: totals.errors, reconnects: totals.reconnects, memory: memory)
    }
}
