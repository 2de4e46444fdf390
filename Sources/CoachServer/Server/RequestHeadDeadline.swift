import NIOCore

/// Closes a connection whose first request head has not fully arrived within the timeout
/// (`live.request_head_timeout_seconds`): a client that trickles its headers, or a TLS client
/// that never finishes its handshake, must not hold a file descriptor. Also closes such a
/// connection at once when the server shuts down.
///
/// First in the pipeline from accept on; removed as soon as the head is in (the upgrade
/// decision or the HTTP handlers take over, and Hummingbird's idle timeout covers the gaps
/// between requests of a kept-alive connection).
final class RequestHeadDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    private let timeout: TimeAmount
    private var timer: Scheduled<Void>?

    init(timeout: TimeAmount) {
        self.timeout = timeout
    }

    func handlerAdded(context: ChannelHandlerContext) {
        timer = context.eventLoop.assumeIsolated().scheduleTask(in: timeout) { context.close(promise: nil) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        timer = nil
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent { return context.close(promise: nil) }
        context.fireUserInboundEventTriggered(event)
    }

    /// The head is in: removes the deadline from `channel` (on its event loop).
    static func headArrived(on channel: any Channel) {
        let pipeline = channel.pipeline.syncOperations
        guard let context = try? pipeline.context(handlerType: RequestHeadDeadline.self) else { return }
        pipeline.removeHandler(context: context, promise: nil)
    }
}
