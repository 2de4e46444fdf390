import NIOCore
import NIOWebSocket

/// The server's end of one upgraded WebSocket, on its event loop, built on NIO's public frame
/// codec: answers pings, runs the close handshake, joins fragments into messages, writes the
/// `OutboundQueue` while the channel is writable, and owns the socket's timers (read deadline,
/// pings, slow client, close, shutdown grace: `WebSocketConnectionHandler+Timers`).
///
/// Every way the connection can end (a close handshake, a reset, a TLS peer that leaves without
/// close_notify, a frame over the size limit, a timeout) ends in `channelInactive`, which
/// completes `ending` and finishes the endpoint's event stream: the endpoint always hears of it.
final class WebSocketConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = WebSocketFrame
    typealias InboundOut = SocketEvent
    typealias OutboundIn = Never
    typealias OutboundOut = WebSocketFrame

    enum CloseState: Equatable {
        case open
        /// The server sent its close frame and waits for the client's.
        case closing
        /// The client sent its close frame; the endpoint finishes what it was given before it
        /// (`SocketEvent.closeReceived`), then the reply goes out after everything it queued.
        case answering(reply: WebSocketErrorCode)
        case closed
    }

    let settings: SocketSettings
    let queue: OutboundQueue
    private let ending: EventLoopPromise<SocketEnding>
    var outcome = SocketEnding()
    var context: ChannelHandlerContext?
    private var assembler: InboundMessageAssembler
    var closeState = CloseState.open
    /// False after a malformed message: nothing more is handed to the endpoint.
    private var deliversMessages = true

    // The timers' state (see the extension).
    var readDeadline: (generation: UInt64, deadline: SocketSettings.ReadDeadline)?
    var readTimer: Scheduled<Void>?
    var lastMessageAt = NIODeadline.uptimeNanoseconds(0)
    /// A read was asked for and no data has come since: the client, not backpressure, is silent.
    var readRequested = false
    var pingTimer: Scheduled<Void>?
    var unansweredPing: ByteBuffer?
    /// The latest ping's payload, answered once the channel is writable again (RFC 6455 5.5.3).
    private var pendingPong: ByteBuffer?
    var stallTimer: Scheduled<Void>?
    var closeTimer: Scheduled<Void>?
    /// Writes held back on the loop (a read of the socket, `SocketSender.coalescingWrites`), and
    /// a flush owed when the last hold ends.
    private var writesHeld = 0
    private var flushOwed = false
    /// This read holds writes: what its messages' endpoint queues leaves in one flush at the
    /// read's end (`channelReadComplete`), not one per message.
    private var readHoldsWrites = false

    init(settings: SocketSettings, queue: OutboundQueue, ending: EventLoopPromise<SocketEnding>) {
        self.settings = settings
        self.queue = queue
        self.ending = ending
        self.assembler = InboundMessageAssembler(maximumBytes: settings.maxMessageBytes)
    }

    // MARK: Channel events

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        schedulePing()
        if let first = settings.firstReadDeadline { setReadDeadline(generation: 0, first) }
        writabilityChanged()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        guard frame.reservedBits.isEmpty else { return failProtocol() }
        switch frame.opcode {
        case .connectionClose: receivedClose(frame.unmaskedData)
        case .ping: receivedPing(frame.unmaskedData)
        case .pong: if frame.unmaskedData == unansweredPing { unansweredPing = nil }
        case .text, .binary, .continuation: receivedData(frame)
        default: failProtocol()
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        readRequested = false
        context.fireChannelReadComplete()
        if readHoldsWrites {
            readHoldsWrites = false
            releaseWrites()
        }
    }

    func read(context: ChannelHandlerContext) {
        readRequested = true
        context.read()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        writabilityChanged()
        context.fireChannelWritabilityChanged()
    }

    /// Writes what waited while the client was behind; starts the slow-client clock when it falls behind.
    private func writabilityChanged() {
        guard let context else { return }
        if context.channel.isWritable {
            stallTimer?.cancel()
            stallTimer = nil
            if let pong = pendingPong {
                pendingPong = nil
                context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: pong)), promise: nil)
            }
            flushQueue()
        } else {
            startSlowClientClock()
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if case .inputClosed = event as? ChannelEvent {
            // The client sent its last byte without a close frame (remote half-closure is on):
            // the conversation is over, abnormally.
            context.close(promise: nil)
            return context.fireUserInboundEventTriggered(event)
        }
        guard event is ChannelShouldQuiesceEvent else { return context.fireUserInboundEventTriggered(event) }
        shutdownRequested()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // NIO's protocol error handler has already answered codec errors (1009, 1002).
        outcome.error = outcome.error ?? "\(error)"
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        closeState = .closed
        queue.abandon()
        cancelTimers()
        ending.succeed(outcome)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimers()
        self.context = nil
        ending.succeed(outcome)  // no-op after channelInactive; never leaves the promise open
    }

    // MARK: Called by `SocketSender` (on the event loop)

    /// Writes queued messages while the channel takes them; a queued close goes out last.
    func flushQueue() {
        guard let context else { return }
        var wrote = false
        writing: while context.channel.isWritable {
            switch queue.next() {
            case .message(let message):
                context.write(wrapOutboundOut(message.frame), promise: nil)
                wrote = true
            case .close(let code, let reason):
                if case .answering(let reply) = closeState {
                    // The endpoint is done with what the client sent before its close.
                    closeState = .closed
                    writeClose(reply, reason: nil)
                    context.close(promise: nil)
                } else {
                    startClose(code, reason: reason, because: .requested)
                }
                return
            case .empty:
                break writing
            }
        }
        if wrote { context.flush() }
    }

    /// A message was queued on the loop itself: written now, or when the writes held end. Held
    /// writes go out early once a quarter of the queue waits: one read can hold hundreds of
    /// batches of a client that sends as fast as it can, and all their replies must not wait for
    /// the read's end and overflow the queue.
    func queuedOnEventLoop(bytesQueued: Int) {
        if writesHeld > 0, bytesQueued < queue.capacityBytes / 4 { flushOwed = true } else { flushQueue() }
    }

    func holdWrites() { writesHeld += 1 }

    func releaseWrites() {
        writesHeld -= 1
        guard writesHeld == 0, flushOwed else { return }
        flushOwed = false
        flushQueue()
    }

    /// The endpoint queued a close: it goes out after the queue, but the connection ends within
    /// the close timeout even if the queue never drains.
    func closeRequested() {
        armCloseTimer()
        flushQueue()
    }

    /// The queue overflowed with messages that must not be dropped, or the client took nothing
    /// for the slow-client time.
    func giveUpOnSlowClient() {
        guard closeState != .closed, let context else { return }
        queue.abandon()
        outcome.serverReason = outcome.serverReason ?? .slowClient
        if let notice = settings.slowClientNotice {
            context.write(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .text, data: notice)), promise: nil)
        }
        writeClose(settings.slowClientClose.code, reason: settings.slowClientClose.reason)
        closeState = .closed
        context.close(promise: nil)
    }

    // MARK: Frames

    private func receivedData(_ frame: WebSocketFrame) {
        guard closeState == .open, deliversMessages else { return }
        if !readHoldsWrites {
            readHoldsWrites = true
            holdWrites()
        }
        do throws(InboundMessageAssembler.Failure) {
            guard let message = try assembler.append(frame) else { return }
            lastMessageAt = context?.eventLoop.now ?? .now()
            context?.fireChannelRead(wrapInboundOut(.message(message)))
        } catch {
            deliversMessages = false
            context?.fireChannelRead(wrapInboundOut(.malformed(error)))
        }
    }

    private func receivedPing(_ payload: ByteBuffer) {
        guard closeState == .open, let context else { return }
        guard context.channel.isWritable else {
            pendingPong = payload
            return
        }
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: payload)), promise: nil)
    }

    private func receivedClose(_ payload: ByteBuffer) {
        let close = ReceivedClose(payload: payload, validatesUTF8: settings.validatesUTF8)
        switch closeState {
        case .open:
            outcome.clientCloseCode = close.code
            closeState = .answering(reply: close.reply)
            readDeadline = nil
            armCloseTimer()
            context?.fireChannelRead(wrapInboundOut(.closeReceived(close.code)))
        case .closing:
            outcome.clientCloseCode = close.code
            closeState = .closed
            context?.close(promise: nil)
        case .answering, .closed:
            break
        }
    }

    private func failProtocol() {
        guard closeState == .open else { return }
        queue.abandon()
        startClose(.protocolError, reason: nil, because: .protocolError)
    }

    // MARK: Closing

    /// Sends the server's close frame and waits (at most the close timeout) for the client's.
    private func startClose(_ code: WebSocketErrorCode, reason: String?, because why: SocketEnding.ServerReason) {
        guard closeState == .open, context != nil else { return }
        closeState = .closing
        outcome.serverReason = outcome.serverReason ?? why
        deliversMessages = false
        // No half-close after it: the TCP connection is closed once the client's close frame is
        // in (RFC 6455 7.1.1), or by the close timeout.
        writeClose(code, reason: reason)
        armCloseTimer()
        deliver(.closedByServer)
    }

    func writeClose(_ code: WebSocketErrorCode, reason: String?) {
        guard let context else { return }
        var payload = context.channel.allocator.buffer(capacity: 2 + (reason?.utf8.count ?? 0))
        payload.write(webSocketErrorCode: code)
        if let reason { payload.writeString(reason) }
        context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .connectionClose, data: payload)), promise: nil)
    }

    /// Hands an event to the endpoint outside a read (timers, shutdown).
    func deliver(_ event: SocketEvent) {
        guard let context else { return }
        context.fireChannelRead(wrapInboundOut(event))
        context.fireChannelReadComplete()
    }
}
