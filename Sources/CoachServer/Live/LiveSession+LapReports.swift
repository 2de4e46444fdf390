import Coaching
import Integration
import Telemetry
import Tracing

/// What waits in a session's line of lap reports, in the order the coach produced it.
enum LapReportEntry: Sendable {
    /// A completed lap: stored (or kept pending by the store), then its `ack` and `lap`; with the
    /// trace context of the sampled batch that completed it, if any.
    case store(CompletedLap, InstrumentationContext?)
    /// A lap the line had no room for: not stored, reported `stored: false` without a ticket.
    /// Only its summary is kept, not its frames.
    case refused(ServerMessage.LapReport, LapSummaryEvent)
    /// A session limit's error and close, after the laps before it.
    case limit(WireError)
}

/// A session's laps on their way to the store and the driver, off the drain: the drain hands
/// each lap over and never waits, whatever the database does. One task per session at a time
/// works through the line in order, so `lap` messages keep their order.
///
/// At most `storage.max_laps_waiting_per_session` laps wait so (the one being stored included).
/// A lap past that is refused, not waited for: counted in `trailbrake_laps_lost_total`, logged,
/// and reported in its turn with an `internal` error and `stored: false`, `pending: null`.
extension LiveSession {
    func reportInBackground(_ lap: CompletedLap, traceContext: InstrumentationContext? = nil) {
        guard lapsWaiting < lapStore.settings.maxLapsWaitingPerSession else {
            refuse(lap)
            return
        }
        lapsWaiting += 1
        enqueueReport(.store(lap, traceContext))
    }

    /// Sends a limit's error and closes after the laps before it (at once when none wait).
    func closeAfterReports(_ error: WireError) {
        guard lapReporter == nil, lapReports.isEmpty else {
            enqueueReport(.limit(error))
            return
        }
        closeForLimit(error)
    }

    private func refuse(_ lap: CompletedLap) {
        metrics.lapsLost.increment()
        logger.error(
            "a lap is lost",
            metadata: [
                "lap": "\(lap.lapNumber)", "frames": "\(lap.lapFrames.count)",
                "reason": "\(lapsWaiting) laps of this session wait for the database (storage.max_laps_waiting_per_session)",
            ])
        var withoutFrames = lap
        withoutFrames.frames = []
        enqueueReport(.refused(ServerMessage.LapReport(lap: withoutFrames, lapID: nil), lapSummary(lap)))
    }

    private func enqueueReport(_ entry: LapReportEntry) {
        lapReports.append(entry)
        guard lapReporter == nil else { return }
        lapReporter = Task { await self.reportWaitingLaps() }
    }

    private func reportWaitingLaps() async {
        while !lapReports.isEmpty {
            switch lapReports.removeFirst() {
            case .store(let lap, let context):
                let report = if let context {
                    await InstrumentationContext.$current.withValue(context) { await storeLap(lap) }
                } else {
                    await storeLap(lap)
                }
                lapsWaiting -= 1
                sendLapReport(report, lapSummary(lap))
            case .refused(let report, let summary):
                metrics.recordError(.internal)
                send(.error(WireError(.internal, "lap \(report.lap.lapNumber) was not stored: the database is behind")))
                sendLapReport(report, summary)
            case .limit(let error):
                closeForLimit(error)
            }
        }
        lapReporter = nil
    }

    /// The ack the protocol puts right before every `lap`, the `lap`, and the feed's summary.
    private func sendLapReport(_ report: ServerMessage.LapReport, _ summary: LapSummaryEvent) {
        ackBeforeLap()
        send(.lap(report))
        feed?.offer(.lapCompleted(summary))
    }

    private func lapSummary(_ lap: CompletedLap) -> LapSummaryEvent {
        LapSummaryEvent(lap, driver: driver.name, session: publicID, descriptor: descriptor)
    }
}
