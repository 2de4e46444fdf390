import NIOCore

/// Runs a socket's task on the socket's own event loop (SE-0417 task executor preference).
///
/// Without it, every message hops threads twice: the event loop hands it to a task on Swift's
/// global pool, and that task hands each reply back to the event loop to be written. With the
/// connection's task preferring its event loop, the message is read, handled (its session
/// actor, a default actor, runs there too) and its replies queued on one thread, and every
/// write queued while the loop works on a read leaves in one flush (docs/performance.md).
/// Work that may take long (a new session's coach, database calls) runs elsewhere: blocking
/// this loop would stall every socket on it.
final class EventLoopTaskExecutor: TaskExecutor {
    let eventLoop: any EventLoop

    init(_ eventLoop: any EventLoop) {
        self.eventLoop = eventLoop
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        eventLoop.execute { job.runSynchronously(on: self.asUnownedTaskExecutor()) }
    }
}
