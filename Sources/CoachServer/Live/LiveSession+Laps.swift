import Coaching
import Telemetry

/// A session's laps: storing them through the `LapStoreQueue` before the `lap` message, telling
/// the driver when a lap reported not stored is committed, fragments and cut laps, and the
/// per-session limits on both.
extension LiveSession: LapStoreListener {
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
    func admitLap() -> Bool {
        guard !limitExceeded else { return false }
        guard lapsEnded < limits.maxLapsPerSession else {
            exceedLimit(WireError(.tooManyLaps, "more than \(limits.maxLapsPerSession) laps in one session"))
            return false
        }
        lapsEnded += 1
        return true
    }

    /// A lap that is not a lap: dropped, counted against `live.max_fragments_per_session`.
    func fragmentDropped(_ fragment: LapFragment) {
        metrics.lapFragments.increment()
        guard !limitExceeded else { return }
        fragmentsEnded += 1
        if fragmentsEnded > limits.maxFragmentsPerSession {
            let limit = limits.maxFragmentsPerSession
            exceedLimit(WireError(.tooManyFragments, "more than \(limit) lap fragments (resets, jumps) in one session"))
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

    /// Stops coaching at once; the limit's error and the close follow the laps before it
    /// (`closeAfterReports`). The connection then ends the session instead of keeping it resumable.
    private func exceedLimit(_ error: WireError) {
        limitExceeded = true
        closeAfterReports(error)
    }

    /// Sends the limit's error and closes the socket with its close code.
    func closeForLimit(_ error: WireError) {
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
