import NIOCore
import NIOPosix
import Synchronization

/// The socket of a fake sim in the tests: bound on loopback, it hands each datagram it gets to
/// `onDatagram` on its event loop and sends what it is told to. Pacing is a repeating timer on
/// the same loop (`every`), so the fakes push packets at a steady rate without sleeping tasks.
final class FakeUDPPeer: Sendable {
    let channel: Channel
    /// The bound port (kept: a closed channel no longer says).
    let port: Int

    private init(channel: Channel) {
        self.channel = channel
        port = channel.localAddress?.port ?? 0
    }

    static func open(host: String = "127.0.0.1", port: Int = 0, onDatagram: @escaping @Sendable ([UInt8], SocketAddress) -> Void) async throws -> FakeUDPPeer {
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(Receiver(onDatagram: onDatagram)) }
            }
            .bind(host: host, port: port).get()
        return FakeUDPPeer(channel: channel)
    }

    func send(_ bytes: [UInt8], to address: SocketAddress) {
        channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: channel.allocator.buffer(bytes: bytes)), promise: nil)
    }

    /// Calls `tick` every `interval` on the socket's loop until it returns false or the socket closes.
    func every(_ interval: TimeAmount, _ tick: @escaping @Sendable () -> Bool) {
        channel.eventLoop.scheduleRepeatedTask(initialDelay: interval, delay: interval) { task in
            if !tick() || !self.channel.isActive { task.cancel() }
        }
    }

    func close() async {
        try? await channel.close()
    }

    private final class Receiver: ChannelInboundHandler {
        typealias InboundIn = AddressedEnvelope<ByteBuffer>
        let onDatagram: @Sendable ([UInt8], SocketAddress) -> Void
        init(onDatagram: @escaping @Sendable ([UInt8], SocketAddress) -> Void) { self.onDatagram = onDatagram }
        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let envelope = unwrapInboundIn(data)
            onDatagram(Array(envelope.data.readableBytesView), envelope.remoteAddress)
        }
    }
}
