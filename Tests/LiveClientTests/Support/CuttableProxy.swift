import NIOCore
import NIOPosix
import Synchronization

/// A TCP proxy in front of a server whose connections a test can cut at any moment (both
/// sides closed at once, as when a Wi-Fi link or a NAT drops) or freeze (bytes silently
/// dropped, no reset: a path that died quietly), to prove the client resumes.
final class CuttableProxy: Sendable {
    let port: Int
    private let listener: any Channel
    private let open = OpenChannels()

    /// The channels of every proxied connection, both sides, and those frozen.
    final class OpenChannels: Sendable {
        let channels = Mutex<[ObjectIdentifier: any Channel]>([:])
        let frozen = Mutex<Set<ObjectIdentifier>>([])

        func forget(_ channel: any Channel) {
            channels.withLock { $0[ObjectIdentifier(channel)] = nil }
            frozen.withLock { _ = $0.remove(ObjectIdentifier(channel)) }
        }
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
                    // Identifiers are addresses, reused by later channels: forget them on close.
                    inbound.closeFuture.whenComplete { _ in
                        outbound.close(promise: nil)
                        connections.forget(inbound)
                    }
                    outbound.closeFuture.whenComplete { _ in
                        inbound.close(promise: nil)
                        connections.forget(outbound)
                    }
                    return outbound.pipeline.addHandler(Forwarder(to: inbound, connections: connections)).flatMap {
                        inbound.pipeline.addHandler(Forwarder(to: outbound, connections: connections))
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

    /// From now on the connections open now carry nothing, in either direction; new ones work.
    func freeze() {
        open.frozen.withLock { $0.formUnion(open.channels.withLock { Set($0.keys) }) }
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
    private let connections: CuttableProxy.OpenChannels

    init(to peer: any Channel, connections: CuttableProxy.OpenChannels) {
        self.peer = peer
        self.connections = connections
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !connections.frozen.withLock({ $0.contains(ObjectIdentifier(peer)) }) else { return }
        peer.writeAndFlush(Self.unwrapInboundIn(data), promise: nil)
    }
}
