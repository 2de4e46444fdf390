import NIOCore
import NIOPosix
import Testing

@testable import CoachServer

/// A socket's task prefers the socket's event loop: its code, and the default actors it calls
/// (a live session), run on that loop's thread, so a batch is read, coached and its replies
/// queued without a thread hop. What must not run there is sent elsewhere explicitly.
@Suite struct EventLoopTaskExecutorTests {
    /// A default actor, as `LiveSession` is: it runs on whatever executor its caller prefers.
    actor Probe {
        func isOn(_ loop: any EventLoop) -> Bool { loop.inEventLoop }
    }

    nonisolated static func isOn(_ loop: any EventLoop) async -> Bool {
        await Task.yield()  // a suspension: the task resumes on its preferred executor
        return loop.inEventLoop
    }

    @Test func aTaskPreferringTheLoopRunsItsCodeAndItsActorsThere() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let probe = Probe()

        let (task, actor) = await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
            (await Self.isOn(loop), await probe.isOn(loop))
        }
        #expect(task)
        #expect(actor)

        // Without the preference neither runs there (the check above can fail).
        #expect(await Self.isOn(loop) == false)
        #expect(await probe.isOn(loop) == false)
    }

    @Test func workSentToTheGlobalExecutorLeavesTheLoop() async throws {
        let loop = MultiThreadedEventLoopGroup.singleton.next()

        let (onLoop, elsewhere) = await withTaskExecutorPreference(EventLoopTaskExecutor(loop)) {
            let onLoop = await Self.isOn(loop)
            // As `LiveConnection` starts a session: the coach is built off the socket's loop.
            let elsewhere = await withTaskExecutorPreference(globalConcurrentExecutor) { await Self.isOn(loop) }
            return (onLoop, elsewhere)
        }
        #expect(onLoop)
        #expect(elsewhere == false)
    }
}
