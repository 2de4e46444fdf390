import Dispatch
import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// Where telemetry exports decode and encode: one thread of its own, at a lower CPU priority.
///
/// Decoding a lap and writing it out as JSON is tens of milliseconds of CPU per lap. On Swift's
/// cooperative pool (one thread per core, two here) that time would be taken from the live
/// sessions' actors, and on NIO's event loops from their sockets. Here it only competes for the
/// CPU, and at nice 10 the kernel runs a woken live thread first. One thread: exports never use
/// more than one core between them, however many are streaming.
final class ExportExecutor: TaskExecutor {
    static let shared = ExportExecutor(niceness: 10)

    private let jobs = Mutex<[UnownedJob]>([])
    private let available = DispatchSemaphore(value: 0)

    private init(niceness: Int32) {
        let thread = Thread { [self] in
            #if os(Linux)
            // On Linux `who` 0 is the calling thread (the kernel's task), so only this thread is lowered.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, niceness)
            #endif
            while true {
                available.wait()
                guard let job = jobs.withLock({ $0.isEmpty ? nil : $0.removeFirst() }) else { continue }
                job.runSynchronously(on: asUnownedTaskExecutor())
            }
        }
        thread.name = "trailbrake-export"
        thread.start()
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        jobs.withLock { $0.append(job) }
        available.signal()
    }
}
