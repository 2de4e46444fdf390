import NIOCore
import NIOEmbedded
import Testing

@testable import CoachServer

/// Writes are coalesced: every message a session queues before the socket's event loop runs
/// (a drain's cues, deltas and ack) leaves in one flush, one system call, not one per message.
@Suite struct FlushCoalescingTests {
    /// Counts the flushes that reach the channel.
    final class FlushCounter: ChannelOutboundHandler, @unchecked Sendable {
        typealias OutboundIn = Any
        var flushes = 0
        func flush(context: ChannelHandlerContext) {
            flushes += 1
            context.flush()
        }
    }

    @Test func messagesQueuedBeforeALoopTickLeaveInOneFlush() throws {
        let harness = try WebSocketConnectionHandlerTests.Harness()
        let counter = FlushCounter()
        try harness.channel.pipeline.syncOperations.addHandler(counter, position: .first)
        let sender = SocketSender(
            queue: harness.queue, handler: harness.handler, eventLoop: harness.loop, ending: harness.ending, metrics: nil)

        for text in ["cue", "delta", "ack", "lap", "delta"] { #expect(sender.send(.text(text))) }
        #expect(counter.flushes == 0)  // nothing is written from the caller's thread
        harness.loop.run()
        #expect(counter.flushes == 1)
        #expect(try harness.written().map { String(buffer: $0.data) } == ["cue", "delta", "ack", "lap", "delta"])

        // The next tick's messages: one more flush for both.
        sender.send(.text("delta"))
        sender.send(.text("ack"))
        harness.loop.run()
        #expect(counter.flushes == 2)
        #expect(try harness.written().count == 2)

        // A tick with nothing queued flushes nothing.
        harness.loop.run()
        #expect(counter.flushes == 2)
    }
}
