import NIOCore
import NIOEmbedded
import NIOWebSocket
import Testing

@testable import CoachServer

/// The socket handler on an embedded channel, with the clock in the test's hands: pings, the
/// close handshake, the read deadline (which ignores time the endpoint was not reading), the
/// slow-client clock and writes that wait for writability.
@Suite struct WebSocketConnectionHandlerTests {
    /// The handler on a connected embedded channel, the events it hands on, and its ending.
    struct Harness {
        let loop = EmbeddedEventLoop()
        let channel: EmbeddedChannel
        let queue: OutboundQueue
        let handler: WebSocketConnectionHandler
        let ending: EventLoopFuture<SocketEnding>
        let events = EventRecorder()

        init(settings: SocketSettings = Harness.settings()) throws {
            channel = EmbeddedChannel(loop: loop)
            queue = OutboundQueue(capacityBytes: settings.outboundQueueBytes)
            let promise = loop.makePromise(of: SocketEnding.self)
            ending = promise.futureResult
            handler = WebSocketConnectionHandler(settings: settings, queue: queue, ending: promise)
            try channel.connect(to: SocketAddress(ipAddress: "127.0.0.1", port: 1)).wait()
            try channel.pipeline.syncOperations.addHandler(handler)
            try channel.pipeline.syncOperations.addHandler(events)
        }

        static func settings(pingInterval: TimeAmount? = nil, firstReadDeadline: SocketSettings.ReadDeadline? = nil) -> SocketSettings {
            SocketSettings(
                maxMessageBytes: 1_024, validatesUTF8: false, outboundQueueBytes: 65_536, slowClientTimeout: .seconds(2),
                slowClientNotice: ByteBuffer(string: "notice"), closeTimeout: .seconds(5), pingInterval: pingInterval,
                shutdownGrace: .seconds(1), firstReadDeadline: firstReadDeadline)
        }

        func receive(_ opcode: WebSocketOpcode, _ bytes: [UInt8] = [], fin: Bool = true) throws {
            let key = WebSocketMaskingKey([1, 2, 3, 4])!
            var data = ByteBuffer(bytes: bytes)
            data.webSocketMask(key)
            try channel.writeInbound(WebSocketFrame(fin: fin, opcode: opcode, maskKey: key, data: data))
        }

        /// Every frame written so far.
        func written() throws -> [WebSocketFrame] {
            var frames: [WebSocketFrame] = []
            while let frame = try channel.readOutbound(as: WebSocketFrame.self) { frames.append(frame) }
            return frames
        }

        func writability(_ writable: Bool) {
            channel.isWritable = writable
            channel.pipeline.fireChannelWritabilityChanged()
        }
    }

    final class EventRecorder: ChannelInboundHandler, @unchecked Sendable {
        typealias InboundIn = SocketEvent
        var events: [SocketEvent] = []
        func channelRead(context: ChannelHandlerContext, data: NIOAny) { events.append(unwrapInboundIn(data)) }
    }

    static func closeCode(_ frame: WebSocketFrame) -> WebSocketErrorCode? {
        var data = frame.data
        return data.readWebSocketErrorCode()
    }

    @Test func aPingIsAnsweredAtOnceOrOnceTheClientReadsAgain() throws {
        let harness = try Harness()
        try harness.receive(.ping, [7, 7])
        #expect(try harness.written().map(\.opcode) == [.pong])
        harness.writability(false)
        try harness.receive(.ping, [1])
        try harness.receive(.ping, [2])
        #expect(try harness.written().isEmpty)
        harness.writability(true)
        // Only the latest ping is answered (RFC 6455 5.5.3).
        let pongs = try harness.written()
        #expect(pongs.map(\.opcode) == [.pong] && pongs.first?.data == ByteBuffer(bytes: [2]))
    }

    @Test func theClientsCloseIsAnsweredAfterWhatTheEndpointStillHadToSay() throws {
        let harness = try Harness()
        try harness.receive(.connectionClose, [0x03, 0xE8])
        guard case .closeReceived(let code) = harness.events.events.last else {
            Issue.record("the endpoint did not hear of the close")
            return
        }
        #expect(code == .normalClosure)
        #expect(try harness.written().isEmpty && harness.channel.isActive)
        // The endpoint answers what came before the close, then lets the reply go.
        _ = harness.queue.enqueue(.text("last words"))
        #expect(harness.queue.requestClose(.normalClosure, reason: nil))
        harness.handler.closeRequested()
        let frames = try harness.written()
        #expect(frames.map(\.opcode) == [.text, .connectionClose] && frames.last.map(Self.closeCode) == .normalClosure)
        #expect(!harness.channel.isActive)
        let ending = try harness.ending.wait()
        #expect(ending.isNormalClientClose && ending.clientCloseCode == .normalClosure)
    }

    @Test func anEndpointThatNeverAnswersAClientsCloseIsClosedAfterTheCloseTimeout() throws {
        let harness = try Harness()
        try harness.receive(.connectionClose, [0x03, 0xED])  // 1005 may not be sent: answered with 1002
        harness.loop.advanceTime(by: .seconds(4))
        #expect(harness.channel.isActive)
        harness.loop.advanceTime(by: .seconds(1))
        #expect(!harness.channel.isActive)
        #expect(try harness.ending.wait().clientCloseCode == .unknown(1005))
    }

    @Test func silenceCountsOnlyWhileTheEndpointIsReading() throws {
        let harness = try Harness(settings: Harness.settings(
            firstReadDeadline: .init(timeout: .seconds(1), restartsOnMessage: true)))
        // The endpoint is behind: it asked for nothing, so the server is not reading.
        harness.loop.advanceTime(by: .seconds(5))
        #expect(harness.events.events.isEmpty)
        // It reads again; a message restarts the clock; then a full second of silence.
        harness.channel.read()
        harness.loop.advanceTime(by: .milliseconds(600))
        try harness.receive(.text, Array("hi".utf8))
        harness.channel.read()
        harness.loop.advanceTime(by: .milliseconds(600))
        #expect(harness.events.events.count == 1)
        harness.loop.advanceTime(by: .seconds(1))
        guard case .timedOut(let generation) = harness.events.events.last else { Issue.record("no timeout"); return }
        #expect(generation == 0)
    }

    @Test func aClientBehindForTheSlowClientTimeIsClosedWithANotice() throws {
        let harness = try Harness()
        harness.writability(false)
        harness.loop.advanceTime(by: .milliseconds(1_500))
        harness.writability(true)  // caught up in time: the clock starts again next time
        harness.writability(false)
        harness.loop.advanceTime(by: .milliseconds(1_500))
        #expect(harness.channel.isActive)
        harness.loop.advanceTime(by: .milliseconds(600))
        #expect(!harness.channel.isActive)
        let frames = try harness.written()
        #expect(frames.first?.opcode == .text && frames.first?.data == ByteBuffer(string: "notice"))
        #expect(frames.last.map(Self.closeCode) == .policyViolation)
        #expect(try harness.ending.wait().serverReason == .slowClient)
    }

    @Test func queuedMessagesAreWrittenOnlyWhileTheChannelIsWritable() throws {
        let harness = try Harness()
        harness.writability(false)
        _ = harness.queue.enqueue(.text("one"))
        _ = harness.queue.enqueue(.text("two"))
        harness.handler.flushQueue()
        #expect(try harness.written().isEmpty)
        harness.writability(true)
        #expect(try harness.written().map { String(buffer: $0.data) } == ["one", "two"])
    }

    @Test func aPingNotAnsweredByTheNextOneClosesWith1001() throws {
        let harness = try Harness(settings: Harness.settings(pingInterval: .seconds(30)))
        harness.loop.advanceTime(by: .seconds(30))
        let ping = try harness.written()
        #expect(ping.map(\.opcode) == [.ping])
        try harness.receive(.pong, Array(ping[0].data.readableBytesView))
        harness.loop.advanceTime(by: .seconds(30))
        #expect(try harness.written().map(\.opcode) == [.ping])
        harness.loop.advanceTime(by: .seconds(30))
        #expect(try harness.written().last.map(Self.closeCode) == .goingAway)
        #expect(!harness.channel.isActive)
        #expect(try harness.ending.wait().serverReason == .pingTimeout)
    }
}
