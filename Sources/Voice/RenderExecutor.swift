import Dispatch

/// Where phrase renders run: one dedicated serial queue, off Swift's cooperative pool.
///
/// A render is 50-150 ms of blocking C work (espeak-ng, libopusenc). On the cooperative pool
/// (one thread per core, two here) a few renders in a row would stall every live session's
/// actor; on this queue they only compete for the CPU, which the OS shares out. Serial, because
/// espeak-ng serialises synthesis anyway. `SpeechSynthesizer`, a default actor, follows the
/// render task's executor preference (SE-0417), so its synthesis runs here too.
final class RenderExecutor: TaskExecutor {
    static let shared = RenderExecutor()

    private let queue = DispatchQueue(label: "trailbrake.voice.render", qos: .utility)

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        queue.async { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
