import Foundation

// WAL checkpoints scheduled by the writer, off the store path (see `CheckpointPolicy`).

extension LapWriter {
    /// Pages a lap touches besides its blob (lap row, indexes, corners, zones): about 5 × 4 KiB.
    static let rowOverheadBytes = 5 * 4_096
    /// A cue row with its text and numbers JSON, rounded up.
    static let cueRowBytes = 512

    /// Counts a committed write and, past the policy's threshold, starts a passive checkpoint
    /// in a detached task: the caller's `store` returns without waiting for it.
    func noteWritten(bytes: Int) {
        guard case .lapWriter(let threshold) = database.checkpointPolicy else { return }
        let (sum, overflow) = bytesSinceCheckpoint.addingReportingOverflow(bytes)
        bytesSinceCheckpoint = overflow ? .max : sum
        guard bytesSinceCheckpoint >= threshold, checkpointTask == nil else { return }
        bytesSinceCheckpoint = 0
        let database = database
        let restartFrames = Self.restartFrameCount(threshold: threshold)
        checkpointTask = Task.detached(priority: .utility) {
            var outcome = try? await database.checkpointWAL()
            if let frames = outcome?.walFrameCount, frames > restartFrames {
                // Laps kept committing while earlier checkpoints ran, so SQLite never found the
                // WAL fully copied at the start of a write and never started it over (measured:
                // 24 MB after 200 back-to-back laps). Finish on the writer connection, between
                // two writes: only the frames since the copy above are left, so it is short.
                outcome = try? await database.checkpointWAL(betweenWrites: true)
            }
            await self.checkpointFinished(outcome, threshold: threshold)
        }
    }

    /// A failed or partial checkpoint (a reader still used old pages) is retried at the next
    /// write, so the WAL cannot keep growing once readers move on.
    private func checkpointFinished(_ outcome: (walFrameCount: Int, checkpointedFrameCount: Int)?, threshold: Int) {
        checkpointTask = nil
        checkpointsFinished += 1
        let complete = outcome.map { $0.checkpointedFrameCount >= $0.walFrameCount } ?? false
        if complete { checkpointsComplete += 1 }
        if !complete { bytesSinceCheckpoint = max(bytesSinceCheckpoint, threshold) }
    }

    /// WAL frames (one 4 KiB page each) beyond which the WAL did not start over since the last
    /// checkpoint: four thresholds' worth, about SQLite's own 1,000 pages for the default.
    static func restartFrameCount(threshold: Int) -> Int {
        threshold > Int.max / 4 ? Int.max : 4 * threshold / 4_096
    }

    /// Waits until no checkpoint is running (tests, the benchmark's teardown).
    public func waitForCheckpoint() async {
        while let task = checkpointTask { await task.value }
    }
}
