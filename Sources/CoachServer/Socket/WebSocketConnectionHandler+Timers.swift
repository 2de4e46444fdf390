import NIOCore
import NIOWebSocket

/// The socket's timers, all on its event loop: the read deadline (hello, idle), pings, the
/// slow-client clock, the wait for the client's close frame, and the shutdown grace.
extension WebSocketConnectionHandler {
    /// The ping payload size hummingbird-websocket used; any size up to 125 bytes would do.
    private static let pingPayloadBytes = 16

    func setReadDeadline(generation: UInt64, _ deadline: SocketSettings.ReadDeadline) {
        guard let context else { return }
        readTimer?.cancel()
        readDeadline = (generation, deadline)
        lastMessageAt = context.eventLoop.now
        readTimer = context.eventLoop.assumeIsolated().scheduleTask(in: deadline.timeout) { [self] in readTimerFired() }
    }

    private func readTimerFired() {
        readTimer = nil
        guard let (generation, deadline) = readDeadline, closeState == .open, let context else { return }
        if deadline.restartsOnMessage {
            let due = lastMessageAt + deadline.timeout
            let now = context.eventLoop.now
            // Not idle yet; or not reading because the endpoint is behind (backpressure), which
            // is not the client's silence.
            if due > now || !readRequested {
                let next = due > now ? due : now + deadline.timeout
                readTimer = context.eventLoop.assumeIsolated().scheduleTask(deadline: next) { [self] in readTimerFired() }
                return
            }
        }
        readDeadline = nil
        deliver(.timedOut(generation: generation))
    }

    func schedulePing() {
        guard let interval = settings.pingInterval, let context else { return }
        pingTimer = context.eventLoop.assumeIsolated().scheduleTask(in: interval) { [self] in
            pingTimer = nil
            guard closeState == .open, let context = self.context else { return }
            guard unansweredPing == nil else {
                outcome.serverReason = .pingTimeout
                writeClose(.goingAway, reason: "Ping timeout")
                closeState = .closed
                context.close(promise: nil)
                return
            }
            var payload = context.channel.allocator.buffer(capacity: Self.pingPayloadBytes)
            for _ in 0..<Self.pingPayloadBytes { payload.writeInteger(UInt8.random(in: .min ... .max)) }
            unansweredPing = payload
            context.writeAndFlush(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .ping, data: payload)), promise: nil)
            schedulePing()
        }
    }

    /// The channel stopped taking writes: the client has `slowClientTimeout` to catch up.
    func startSlowClientClock() {
        guard stallTimer == nil, let context else { return }
        stallTimer = context.eventLoop.assumeIsolated().scheduleTask(in: settings.slowClientTimeout) { [self] in
            stallTimer = nil
            giveUpOnSlowClient()
        }
    }

    func armCloseTimer() {
        guard closeTimer == nil, let context else { return }
        closeTimer = context.eventLoop.assumeIsolated().scheduleTask(in: settings.closeTimeout) { [self] in
            self.context?.close(promise: nil)
        }
    }

    /// Graceful shutdown: the endpoint hears `.shutdown` and closes; the socket closes itself
    /// after the shutdown grace in any case, and at once when its client takes nothing.
    func shutdownRequested() {
        guard let context else { return }
        switch closeState {
        case .closed:
            return
        case .closing, .answering:
            break  // a close handshake is under way; only the wait for it is cut short
        case .open:
            // A client that takes nothing would not get the close frame either.
            guard context.channel.isWritable else { return giveUpOnSlowClient() }
            deliver(.shutdown)
        }
        context.eventLoop.assumeIsolated().scheduleTask(in: settings.shutdownGrace) { [self] in
            self.context?.close(promise: nil)
        }
    }

    func cancelTimers() {
        for timer in [readTimer, pingTimer, stallTimer, closeTimer] { timer?.cancel() }
    }
}
