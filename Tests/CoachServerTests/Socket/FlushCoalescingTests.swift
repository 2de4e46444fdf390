import NIOCore
import NIOEmbedded
import NIOWebSocket
import Testing

@testable import CoachServer

/// Writes are coalesced: every message a drain queues (its cues, deltas and ack) leaves in one
/// flush, one system call, not one per message. (From another thread, what is queued before the
/// socket's loop runs leaves in one flush: `SocketSender.send` asks the loop once.)
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

    static func harnessAndSender() throws -> (WebSocketConnectionHandlerTests.Harness, FlushCounter, SocketSender) {
        let harness = try WebSocketConnectionHandlerTests.Harness()
        let counter = FlushCounter()
        try harness.channel.pipeline.syncOperations.addHandler(counter, position: .first)
        let sender = SocketSender(
            queue: harness.queue, handler: harness.handler, eventLoop: harness.loop, ending: harness.ending, metrics: nil)
        return (harness, counter, sender)
    }

    /// A drain on the socket's loop (`LiveChannelHandler`) queues its messages inside
    /// `coalescingWrites`: they leave in one flush when it returns, not one per message, and not
    /// at the end of the read either (which may hold hundreds of a fast client's batches).
    @Test func messagesQueuedInOneDrainLeaveInOneFlush() throws {
        let (harness, counter, sender) = try Self.harnessAndSender()
        sender.coalescingWrites {
            for text in ["cue", "delta", "ack", "lap", "delta"] { #expect(sender.send(.text(text))) }
            #expect(counter.flushes == 0)  // nothing is written while the drain runs
        }
        #expect(counter.flushes == 1)
        #expect(try harness.written().map { String(buffer: $0.data) } == ["cue", "delta", "ack", "lap", "delta"])

        // The next drain's messages, one of them queued in a nested call: one more flush for both.
        sender.coalescingWrites {
            sender.send(.text("delta"))
            sender.coalescingWrites { sender.send(.text("ack")) }
            #expect(counter.flushes == 1)
        }
        #expect(counter.flushes == 2)
        #expect(try harness.written().count == 2)

        // A drain that queues nothing flushes nothing; a message queued on the loop outside a drain
        // leaves at once.
        sender.coalescingWrites {}
        harness.loop.run()
        #expect(counter.flushes == 2)
        sender.send(.text("error"))
        #expect(counter.flushes == 3)
        #expect(try harness.written().map { String(buffer: $0.data) } == ["error"])
    }

    /// One read can hold many messages (a client that sends as fast as it can): the replies to
    /// them all leave in one flush at the read's end, unless a quarter of the queue fills first.
    @Test func repliesToTheMessagesOfOneReadLeaveInOneFlushAtItsEnd() throws {
        let (harness, counter, sender) = try Self.harnessAndSender()
        let echo = EchoEndpoint(socket: sender, finished: harness.loop.makePromise())
        try harness.channel.pipeline.syncOperations.addHandler(echo, position: .after(harness.handler))
        func read(_ text: String) {
            let key = WebSocketMaskingKey([1, 2, 3, 4])!
            var data = ByteBuffer(string: text)
            data.webSocketMask(key)
            harness.channel.pipeline.fireChannelRead(WebSocketFrame(fin: true, opcode: .text, maskKey: key, data: data))
        }
        for text in ["a", "b", "c"] { read(text) }
        #expect(counter.flushes == 0)
        harness.channel.pipeline.fireChannelReadComplete()
        #expect(counter.flushes == 1)
        #expect(try harness.written().map { String(buffer: $0.data) } == ["a", "b", "c"])

        // 20 replies of 1,000 bytes: the first 17 fill a quarter of the 64 KiB queue and leave early.
        let long = String(repeating: "x", count: 1_000)
        for _ in 0..<20 { read(long) }
        #expect(counter.flushes == 2)
        #expect(try harness.written().count == 17)
        harness.channel.pipeline.fireChannelReadComplete()
        #expect(counter.flushes == 3)
        #expect(try harness.written().count == 3)
    }
}
