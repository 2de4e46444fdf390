import Dispatch

/// Where lap writes and cue records run: one dedicated serial queue, off Swift's cooperative pool.
///
/// When coaching keeps the pool busy (every session draining, one thread per core), a task
/// there waits behind every drain: measured in `BackupUnderLoadTests` (debug build, 100 drivers
/// as fast as possible, shared 2 cores), a lap write started 20-50 s after it was scheduled and
/// 10 laps committed in 240 s. On this queue the encoding and the commit compete only for the
/// CPU, which the OS shares out. `LapWriter`, a default actor, follows the task's executor
/// preference (SE-0417), so its transactions start here too.
final class StorageExecutor: TaskExecutor {
    static let shared = StorageExecutor()

    private let queue = DispatchQueue(label: "trailbrake.storage")

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
