import NIOCore
import NIOPosix
import NIOSSL
import Synchronization

#if canImport(Glibc)
import Glibc
#endif

/// A raw TCP (or TLS) connection that does exactly what a test tells it, including what a
/// WebSocket library refuses to do: send any bytes, never read, reset the connection, or drop a
/// TLS connection without close_notify. The hostile-client suites build on it.
final class HostileSocket: Sendable {
    enum Failure: Error, CustomStringConvertible {
        case timedOut(String)
        case closed(String)
        var description: String {
            switch self {
            case .timedOut(let what): "timed out waiting for \(what)"
            case .closed(let what): "the connection closed while waiting for \(what)"
            }
        }
    }

    let channel: any Channel
    private let received: ReceivedBytes
    private let belowTLS: NIOLoopBound<BelowTLS>

    /// - Parameters:
    ///   - tls: a TLS client configuration, nil for plain TCP.
    ///   - serverName: SNI and the name checked in the server's certificate.
    ///   - receiveBufferBytes: a small `SO_RCVBUF` makes a client that stops reading fill up fast.
    static func connect(
        port: Int, tls: TLSConfiguration? = nil, serverName: String? = "localhost", receiveBufferBytes: Int? = nil
    ) async throws -> HostileSocket {
        let received = ReceivedBytes()
        let sslContext = try tls.map { try NIOSSLContext(configuration: $0) }
        var bootstrap = ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
        if let receiveBufferBytes { bootstrap = bootstrap.channelOption(.socketOption(.so_rcvbuf), value: receiveBufferBytes) }
        let channel = try await bootstrap.connect(host: "127.0.0.1", port: port) { channel in
            channel.eventLoop.makeCompletedFuture {
                let sync = channel.pipeline.syncOperations
                let closer = BelowTLS()
                try sync.addHandler(closer)
                if let sslContext {
                    try sync.addHandler(try NIOSSLClientHandler(context: sslContext, serverHostname: serverName))
                }
                try sync.addHandler(ByteCollector(received))
                return (channel, NIOLoopBound(closer, eventLoop: channel.eventLoop))
            }
        }
        return HostileSocket(channel: channel.0, received: received, belowTLS: channel.1)
    }

    private init(channel: any Channel, received: ReceivedBytes, belowTLS: NIOLoopBound<BelowTLS>) {
        self.channel = channel
        self.received = received
        self.belowTLS = belowTLS
    }

    func send(_ bytes: [UInt8]) async throws {
        try await channel.writeAndFlush(ByteBuffer(bytes: bytes))
    }

    func send(_ text: String) async throws { try await send(Array(text.utf8)) }

    /// Stops reading: what the server sends piles up in the kernel's buffers until it must stop.
    func stopReading() async throws {
        try await channel.setOption(ChannelOptions.autoRead, value: false).get()
    }

    /// Ends the connection with a TCP reset (SO_LINGER 0), below TLS if there is any.
    func reset() async throws {
        guard let socket = channel as? any SocketOptionProvider else { throw TestFailure("not a socket channel") }
        try await socket.setSoLinger(linger(l_onoff: 1, l_linger: 0)).get()
        try await dropWithoutTLSClose()
    }

    /// Closes the TCP connection without TLS's close_notify (a plain FIN on a plain connection).
    func dropWithoutTLSClose() async throws {
        let belowTLS = belowTLS
        try await channel.eventLoop.submit { belowTLS.value.close() }.get()
        try? await channel.closeFuture.get()
    }

    /// Writes bytes under TLS, as they are (e.g. a record TLS cannot decrypt).
    func sendBelowTLS(_ bytes: [UInt8]) async throws {
        let belowTLS = belowTLS
        try await channel.eventLoop.submit { belowTLS.value.write(bytes) }.get()
    }

    /// Closes normally (with close_notify under TLS).
    func close() async {
        try? await channel.close()
    }

    /// Reads until `complete` finds what it needs in the bytes received so far (it returns how
    /// many bytes it used, which are then consumed), or throws after `timeout` seconds.
    func read<T: Sendable>(
        _ what: String, timeout: Double = 10, _ complete: @escaping @Sendable ([UInt8]) -> (T, used: Int)?
    ) async throws -> T {
        try await received.read(what, deadline: .now() + .milliseconds(Int64(timeout * 1_000)), on: channel.eventLoop, complete)
    }

    /// Everything until the server closes the connection; `nil` when it stays open for `timeout` seconds.
    func readUntilClosed(timeout: Double = 10) async -> (bytes: [UInt8], error: String?)? {
        try? await received.readUntilClosed(deadline: .now() + .milliseconds(Int64(timeout * 1_000)), on: channel.eventLoop)
    }

    /// Whether the server closed the connection within `timeout` seconds.
    func isClosed(within timeout: Double) async -> Bool { await readUntilClosed(timeout: timeout) != nil }
}

/// First in the pipeline, before any TLS handler: closing from here skips TLS's close_notify, and
/// bytes written from here reach the server unencrypted.
private final class BelowTLS: ChannelOutboundHandler {
    typealias OutboundIn = NIOAny
    typealias OutboundOut = ByteBuffer
    private var context: ChannelHandlerContext?

    func handlerAdded(context: ChannelHandlerContext) { self.context = context }
    func handlerRemoved(context: ChannelHandlerContext) { self.context = nil }
    func close() { context?.close(promise: nil) }
    func write(_ bytes: [UInt8]) { context?.writeAndFlush(wrapOutboundOut(ByteBuffer(bytes: bytes)), promise: nil) }
}

/// Hands every received byte to `ReceivedBytes`, and the end of the connection.
private final class ByteCollector: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    private let received: ReceivedBytes

    init(_ received: ReceivedBytes) { self.received = received }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        received.append(Array(unwrapInboundIn(data).readableBytesView))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        received.noteError("\(error)")
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        received.finish()
        context.fireChannelInactive()
    }
}
