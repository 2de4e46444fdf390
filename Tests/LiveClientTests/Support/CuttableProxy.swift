import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy in front of a server whose connections a test can cut at any moment (both
/// sides closed at once, as when a Wi-Fi link or a NAT drops), to prove the client resumes.
final class CuttableProxy: Sendable {
    let port: Int
    private let listener: any Channel
    private let open = OpenChannels()

    /// The channels of every proxied connection, both sides.
    private final class OpenChannels: Sendable {
        let channels = Mutex<[ObjectIdentifier: any Channel]>([:])
    }

    init(upstreamPort: Int) async throws {
        let group = MultiThreadedEventLoopGroup.singleton
        let connections = open
        listener = try await ServerBootstrap(group: group)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelInitializer { inbound in
                // Reads wait until the upstream side is connected.
                inbound.setOption(.autoRead, value: false).flatMap {
                    ClientBootstrap(group: inbound.eventLoop).connect(host: "127.0.0.1", port: upstreamPort)
                }.flatMap { outbound in
                    connections.channels.withLock {
                        $0[ObjectIdentifier(inbound)] = inbound
                        $0[ObjectIdentifier(outbound)] = outbound
                    }
                    inbound.closeFuture.whenComplete { _ in
                        outbound.close(promise: nil)
                        connections.channels.withLock { $0[ObjectIdentifier(inbound)] = nil }
                    }
                    outbound.closeFuture.whenComplete { _ in
                        inbound.close(promise: nil)
                        connections.channels.withLock { $0[ObjectIdentifier(outbound)] = nil }
                    }
                    return outbound.pipeline.addHandler(Forwarder(to: inbound)).flatMap {
                        inbound.pipeline.addHandler(Forwarder(to: outbound))
                    }.flatMap { inbound.setOption(.autoRead, value: true) }
                }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        port = listener.localAddress?.port ?? 0
    }

    /// Closes every proxied connection now; new ones are still accepted.
    func cut() {
        for channel in open.channels.withLock({ Array($0.values) }) { channel.close(promise: nil) }
    }

    var connectionCount: Int { open.channels.withLock { $0.count } / 2 }

    func stop() async {
        cut()
        try? await listener.close()
    }
}

/// Writes everything one channel reads to the other.
private final class Forwarder: ChannelInboundHandler, Sendable {
    typealias InboundIn = ByteBuffer
    private let peer: any Channel

    init(to peer: any Channel) { self.peer = peer }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        peer.writeAndFlush(Self.unwrapInboundIn(data), promise: nil)
    }
}
