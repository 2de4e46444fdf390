import NIOCore
import NIOWebSocket
import Synchronization

/// The write side of one upgraded WebSocket, for any task: nothing here waits for the client.
///
/// `send` puts a message in the socket's bounded `OutboundQueue` and, when the queue was empty,
/// asks the event loop once to write it; a client that reads slowly loses deltas, then clips,
/// and is disconnected (`slow_consumer`) before it could make anyone wait.
final class SocketSender: Sendable {
    private let queue: OutboundQueue
    private let handler: NIOLoopBound<WebSocketConnectionHandler>
    /// The socket's event loop (a session started on this socket runs on it).
    let eventLoop: any EventLoop
    private let metrics: ServerMetrics?
    private let generations = Atomic<UInt64>(0)
    /// Completed once the channel is closed, however that happened.
    let ending: EventLoopFuture<SocketEnding>

    /// Must be created on the handler's event loop.
    init(
        queue: OutboundQueue, handler: WebSocketConnectionHandler, eventLoop: any EventLoop,
        ending: EventLoopFuture<SocketEnding>, metrics: ServerMetrics?
    ) {
        self.queue = queue
        self.handler = NIOLoopBound(handler, eventLoop: eventLoop)
        self.eventLoop = eventLoop
        self.ending = ending
        self.metrics = metrics
    }

    /// Queues a message; false when the socket no longer takes any (closing, closed, or just
    /// given up on because an essential message did not fit).
    @discardableResult
    func send(_ message: OutboundMessage) -> Bool {
        let admission = queue.enqueue(message)
        if admission.droppedDeltas > 0 { metrics?.outboundDropped(.delta, count: admission.droppedDeltas) }
        if admission.droppedClips > 0 { metrics?.outboundDropped(.voiceClip, count: admission.droppedClips) }
        switch admission.outcome {
        case .queued:
            if eventLoop.inEventLoop {
                handler.value.queuedOnEventLoop(bytesQueued: admission.bytesQueued)
            } else if admission.needsFlush {
                onEventLoop { $0.flushQueue() }
            }
            return true
        case .dropped:
            return true
        case .overflow:
            onEventLoop { $0.giveUpOnSlowClient() }
            return false
        case .closed:
            return false
        }
    }

    /// Runs `body` (on any thread) and, on the socket's event loop, writes what it queued in one
    /// flush when it returns: a drain's delta, ack and cue leave in one write. Elsewhere the
    /// loop's next turn writes them, as for any `send`. (Inside a read of the socket, the end of
    /// the read writes them: `WebSocketConnectionHandler` holds writes for the read.)
    func coalescingWrites<Result>(_ body: () -> Result) -> Result {
        guard eventLoop.inEventLoop else { return body() }
        let handler = handler.value
        handler.holdWrites()
        defer { handler.releaseWrites() }
        return body()
    }

    /// Closes with `code` once everything queued before it is written (at the latest after the
    /// close timeout), then waits for the client's close frame.
    func close(_ code: WebSocketErrorCode, reason: String?) {
        guard queue.requestClose(code, reason: reason) else { return }
        onEventLoop { $0.closeRequested() }
    }

    /// The endpoint is done after `.closeReceived`: the server's close frame (1000, or 1002 for a
    /// bad close from the client) goes out after everything queued, then the connection closes.
    func answerClose() {
        close(.normalClosure, reason: nil)
    }

    /// Arms the socket's read deadline, replacing the one before; returns the generation its
    /// `.timedOut` event will carry.
    @discardableResult
    func expectMessages(within timeout: TimeAmount, restartingOnEachMessage: Bool) -> UInt64 {
        let generation = generations.add(1, ordering: .relaxed).newValue
        let deadline = SocketSettings.ReadDeadline(timeout: timeout, restartsOnMessage: restartingOnEachMessage)
        onEventLoop { $0.setReadDeadline(generation: generation, deadline) }
        return generation
    }

    private func onEventLoop(_ body: @escaping @Sendable (WebSocketConnectionHandler) -> Void) {
        let handler = handler
        eventLoop.execute { body(handler.value) }
    }
}
