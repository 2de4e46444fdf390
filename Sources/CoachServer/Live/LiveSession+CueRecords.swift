import Coaching

/// A session's cue records (`SessionStore.recordCues`), written off the drain: one task per
/// session at a time takes whatever cues are waiting, so a slow database never delays the next
/// batch's cues or acks.
extension LiveSession {
    /// Queues cues for their record; past `storage.max_cue_records_waiting_per_session` waiting,
    /// the new ones are not recorded (counted in `trailbrake_cue_records_skipped_total`).
    func recordInBackground(_ cues: [(cue: Cue, lap: Int32)]) {
        let room = lapStore.settings.maxCueRecordsWaitingPerSession - cuesToRecord.count
        if room < cues.count { metrics.cueRecordsSkipped.increment(by: cues.count - max(room, 0)) }
        cuesToRecord.append(contentsOf: cues.prefix(max(room, 0)))
        guard cueRecorder == nil, !cuesToRecord.isEmpty else { return }
        // Taken now: cues being written no longer count as waiting.
        let first = cuesToRecord
        cuesToRecord.removeAll()
        cueRecorder = Task { await self.recordWaitingCues(first) }
    }

    private func recordWaitingCues(_ first: [(cue: Cue, lap: Int32)]) async {
        var cues = first
        while !cues.isEmpty {
            // While lap stores fail (a full or locked database), a cue record would only wait for
            // the busy timeout: the cues of that time are not recorded.
            if await lapStore.isStoring { await record(cues) } else { metrics.cueRecordsSkipped.increment(by: cues.count) }
            cues = cuesToRecord
            cuesToRecord.removeAll()
        }
        cueRecorder = nil
    }

    /// Stores cues grouped by the lap they were given on.
    private func record(_ cues: [(cue: Cue, lap: Int32)]) async {
        var start = cues.startIndex
        while start < cues.endIndex {
            let lap = cues[start].lap
            let end = cues[start...].firstIndex { $0.lap != lap } ?? cues.endIndex
            let (store, batch, sessionID) = (store, cues[start..<end].map(\.cue), publicID)
            // Off the cooperative pool, as lap writes are (`StorageExecutor`).
            do {
                try await withTaskExecutorPreference(StorageExecutor.shared) {
                    try await store.recordCues(batch, sessionID: sessionID, lapNumber: lap)
                }
            } catch {
                logger.warning("recording cues failed", metadata: ["error": "\(error)"])
            }
            start = end
        }
    }
}
