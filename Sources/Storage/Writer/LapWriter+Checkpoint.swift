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
        checkpointTask = Task.detached(priority: .utility) {
            let outcome = try? await database.checkpointWAL()
            await self.checkpointFinished(outcome, threshold: threshold)
        }
    }

    /// A failed or partial checkpoint (a reader still used old pages) is retried at the next
    /// write, so the WAL cannot keep growing once readers move on.
    private func checkpointFinished(_ outcome: (walFrameCount: Int, checkpointedFrameCount: Int)?, threshold: Int) {
        checkpointTask = nil
        checkpointsFinished += 1
        let complete = outcome.map { $0.checkpointedFrameCount >= $0.walFrameCount } ?? false
        if !complete { bytesSinceCheckpoint = max(bytesSinceCheckpoint, threshold) }
    }

    /// Waits until no checkpoint is running (tests, the benchmark's teardown).
    func waitForCheckpoint() async {
        while let task = checkpointTask { await task.value }
    }
}
