import NIOCore
import NIOPosix
import Synchronization

/// What a sim adapter's UDP socket reports, in order.
enum UDPInput: Sendable {
    /// A datagram from an accepted sender.
    case datagram([UInt8], from: SocketAddress)
    /// Nothing arrived for `seconds` (reported every `quietInterval` while it lasts).
    case quiet(seconds: Double)
}

/// One UDP socket for a sim adapter (NIO's `DatagramBootstrap`): datagrams from the accepted
/// sender go into a bounded stream the adapter consumes, and a timer the socket owns reports
/// each `quietInterval` without a datagram (the GT7 heartbeat's "at once after a gap", AC's
/// resubscribe, every adapter's "sim silent" status). No task sleeps or polls.
///
/// The stream keeps the newest `queueLimit` datagrams when the adapter falls behind: a sim sends
/// state, not events, so the oldest are the least useful, and a GT7 adapter counts the ones
/// dropped here as lost packets by their ids.
final class UDPEndpoint: Sendable {
    let channel: Channel
    let inputs: AsyncStream<UDPInput>
    /// Datagrams refused because they came from another address than the sim's.
    var foreignDatagrams: Int { counters.foreign.withLock { $0 } }

    private let counters: Counters

    private init(channel: Channel, inputs: AsyncStream<UDPInput>, counters: Counters) {
        self.channel = channel
        self.inputs = inputs
        self.counters = counters
    }

    /// Binds `host:port` (port 0: any free port).
    /// - Parameter acceptFrom: only datagrams from this IP address are passed on; nil accepts any.
    /// - Parameter receiveBufferBytes: the kernel's queue for the socket: 1 MiB holds seconds of
    ///   any sim's packets while the adapter's thread is busy (Linux caps it at `net.core.rmem_max`).
    static func open(
        host: String, port: Int, acceptFrom: SocketAddress?, quietInterval: TimeAmount, queueLimit: Int,
        receiveBufferBytes: Int = 1 << 20
    ) async throws -> UDPEndpoint {
        let (inputs, continuation) = AsyncStream<UDPInput>.makeStream(bufferingPolicy: .bufferingNewest(queueLimit))
        let counters = Counters()
        let channel = try await DatagramBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.so_rcvbuf), value: SocketOptionValue(receiveBufferBytes))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(UDPInputHandler(
                        continuation: continuation, acceptFrom: acceptFrom, quietInterval: quietInterval, counters: counters))
                }
            }
            .bind(host: host, port: port).get()
        return UDPEndpoint(channel: channel, inputs: inputs, counters: counters)
    }

    var localPort: Int? { channel.localAddress?.port }

    func send(_ bytes: [UInt8], to address: SocketAddress) {
        let buffer = channel.allocator.buffer(bytes: bytes)
        channel.writeAndFlush(AddressedEnvelope(remoteAddress: address, data: buffer), promise: nil)
    }

    func close() {
        channel.close(promise: nil)
    }

    final class Counters: Sendable {
        let foreign = Mutex(0)
    }
}

/// Lives on the socket's event loop: forwards datagrams, owns the quiet timer.
private final class UDPInputHandler: ChannelInboundHandler {
    typealias InboundIn = AddressedEnvelope<ByteBuffer>

    private let continuation: AsyncStream<UDPInput>.Continuation
    private let acceptFrom: SocketAddress?
    private let quietInterval: TimeAmount
    private let counters: UDPEndpoint.Counters
    private var lastReceive = NIODeadline.now()
    private var timer: Scheduled<Void>?

    init(continuation: AsyncStream<UDPInput>.Continuation, acceptFrom: SocketAddress?, quietInterval: TimeAmount, counters: UDPEndpoint.Counters) {
        self.continuation = continuation
        self.acceptFrom = acceptFrom
        self.quietInterval = quietInterval
        self.counters = counters
    }

    func channelActive(context: ChannelHandlerContext) {
        lastReceive = .now()
        scheduleQuietCheck(context.eventLoop, at: lastReceive + quietInterval)
        context.fireChannelActive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let envelope = unwrapInboundIn(data)
        if let acceptFrom, acceptFrom.ipAddress != envelope.remoteAddress.ipAddress {
            counters.foreign.withLock { $0 += 1 }
            return
        }
        lastReceive = .now()
        continuation.yield(.datagram(Array(envelope.data.readableBytesView), from: envelope.remoteAddress))
    }

    func channelInactive(context: ChannelHandlerContext) {
        timer?.cancel()
        continuation.finish()
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // An ICMP "port unreachable" for a datagram we sent (the sim is not running yet) shows up
        // here on Linux: not fatal, the quiet timer keeps reporting the silence.
    }

    /// Runs at `lastReceive + quietInterval`: reports the silence if nothing came since, and
    /// schedules itself again either way.
    private func scheduleQuietCheck(_ eventLoop: EventLoop, at deadline: NIODeadline) {
        timer = eventLoop.assumeIsolated().scheduleTask(deadline: deadline) { [self] in
            let now = NIODeadline.now()
            let quiet = now - lastReceive
            if quiet >= quietInterval {
                continuation.yield(.quiet(seconds: Double(quiet.nanoseconds) / 1e9))
                scheduleQuietCheck(eventLoop, at: now + quietInterval)
            } else {
                scheduleQuietCheck(eventLoop, at: lastReceive + quietInterval)
            }
        }
    }
}
