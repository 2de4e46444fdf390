import Integration
import Coaching
import Telemetry

/// A session's laps: storing them through the `LapStoreQueue` before the `lap` message, telling
/// the driver when a lap reported not stored is committed, fragments and cut laps, and the
/// per-session limits on both.
extension LiveSession: LapStoreListener {
    /// Hands a completed lap to the store and returns at once: its `ack` and `lap` messages go
    /// out when the store has answered, after the laps before it, while the drains go on. At most
    /// `storage.max_pending_lap_writes_per_driver` laps wait so per session; past that the drain
    /// waits for them (the ring then fills and TCP holds this one client back).
    func reportInBackground(_ lap: CompletedLap) async {
        if lapsReporting >= max(lapStore.settings.maxPendingPerDriver, 1) { await lapReport?.value }
        lapsReporting += 1
        let previous = lapReport
        lapReport = Task {
            await previous?.value
            await self.report(lap)
        }
    }

    /// Stores the lap (or learns it is pending), then sends the ack the protocol puts right before
    /// every `lap`, the `lap` itself, and offers it to the feed.
    private func report(_ lap: CompletedLap) async {
        let report = await storeLap(lap)
        ackBeforeLap()
        send(.lap(report))
        feed?.offer(.lapCompleted(LapSummaryEvent(lap, driver: driver.name, session: publicID, descriptor: descriptor)))
        lapsReporting -= 1
    }

    /// The lap's report after the store had its chance: committed (`stored: true`, the protocol's
    /// promise), kept and retried (`stored: false` with a `pending` ticket), or neither.
    func storeLap(_ lap: CompletedLap) async -> ServerMessage.LapReport {
        guard isStored else { return ServerMessage.LapReport(lap: lap, lapID: nil) }
        switch await lapStore.submit(lap, sessionID: publicID, driverID: driver.id, listener: self) {
        case .stored(let lapID):
            return ServerMessage.LapReport(lap: lap, lapID: lapID)
        case .pending(let ticket):
            // Committed between the wait running out and this session running again: it is
            // stored before its `lap` message after all.
            if let lapID = lapsStoredEarly.removeValue(forKey: ticket) { return ServerMessage.LapReport(lap: lap, lapID: lapID) }
            lapsPendingStore[ticket] = lap.lapNumber
            return ServerMessage.LapReport(lap: lap, lapID: nil, pendingTicket: ticket)
        case .refused:
            metrics.recordError(.internal)
            send(.error(WireError(.internal, "lap \(lap.lapNumber) could not be stored")))
            return ServerMessage.LapReport(lap: lap, lapID: nil)
        }
    }

    /// Counts a completed lap against `live.max_laps_per_session`; false (and the session closed)
    /// for the lap past it, which is then neither stored nor reported.
    func admitLap() async -> Bool {
        guard !limitExceeded else { return false }
        guard lapsEnded < limits.maxLapsPerSession else {
            await exceedLimit(WireError(.tooManyLaps, "more than \(limits.maxLapsPerSession) laps in one session"))
            return false
        }
        lapsEnded += 1
        return true
    }

    /// A lap that is not a lap: dropped, counted against `live.max_fragments_per_session`.
    func fragmentDropped(_ fragment: LapFragment) async {
        metrics.lapFragments.increment()
        guard !limitExceeded else { return }
        fragmentsEnded += 1
        if fragmentsEnded > limits.maxFragmentsPerSession {
            let limit = limits.maxFragmentsPerSession
            await exceedLimit(WireError(.tooManyFragments, "more than \(limit) lap fragments (resets, jumps) in one session"))
        }
    }

    /// The lap in progress hit the lap cap: the driver hears so (its `lap` message, when it is a
    /// lap, follows with `invalid_reason` `too_long`).
    func lapWasCut(_ cut: LapCut) {
        metrics.lapsCut.increment()
        metrics.recordError(.lapTooLong)
        let message = "lap \(cut.lapNumber) was ended after \(cut.frameCount) frames and \(Int(cut.duration)) s (the lap cap)"
        send(.error(WireError(.lapTooLong, message)))
    }

    /// Sends the limit's error, closes the socket with its close code, and stops coaching; the
    /// connection then ends the session instead of keeping it resumable.
    private func exceedLimit(_ error: WireError) async {
        limitExceeded = true
        // The laps before the limit are reported before its error and the close.
        await lapReport?.value
        metrics.recordError(error.code)
        logger.warning("session limit exceeded; closing", metadata: ["code": "\(error.code.rawValue)"])
        send(.error(error))
        if let closeCode = error.code.webSocketCloseCode { outbound?.close(closeCode, reason: error.code.rawValue) }
    }

    /// True once a limit closed this session: it is ended, not kept for a resume.
    var endsWhenSocketCloses: Bool { limitExceeded }

    nonisolated func lapStored(ticket: UInt64, lapNumber: Int32, lapID: Int64) async {
        await confirmStored(ticket: ticket, lapNumber: lapNumber, lapID: lapID)
    }

    private func confirmStored(ticket: UInt64, lapNumber: Int32, lapID: Int64) async {
        guard lapsPendingStore.removeValue(forKey: ticket) != nil else {
            // The session has not heard `.pending` for this ticket yet (`storeLap` resumes next).
            lapsStoredEarly[ticket] = lapID
            return
        }
        guard outbound != nil else {
            lapsStoredWhileDetached.append((ticket, lapNumber, lapID))
            return
        }
        send(.lapStored(ticket: ticket, lapNumber: lapNumber, lapID: lapID))
    }

    /// After a resume: the laps committed while no socket was attached.
    func tellLapsStoredWhileDetached() {
        let stored = lapsStoredWhileDetached
        lapsStoredWhileDetached.removeAll()
        for lap in stored { send(.lapStored(ticket: lap.ticket, lapNumber: lap.lapNumber, lapID: lap.lapID)) }
    }
}
