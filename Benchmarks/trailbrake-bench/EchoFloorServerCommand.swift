import ArgumentParser
import NIOCore
import NIOHTTP1
import NIOPosix
import NIOWebSocket

/// A WebSocket echo server made of channel handlers only, for `trailbrake-load run --target echo`:
/// what swift-nio's sockets and WebSocket codec cost with no task, no async bridge and no actor
/// between a message and its echo. Beside the server's own echo endpoint (same load, same
/// machine) it shows how much of the connection layer's CPU the async bridge takes, which is
/// the floor a live path built on handlers could reach.
///
/// A floor, not a server: no token check, no limits beyond the frame size, no UTF-8 check of
/// text. Every text or binary message goes back once per read burst (`channelReadComplete`
/// flushes), pings are answered, a close is echoed and the socket closed.
struct EchoFloorServerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "echo-floor-server",
        abstract: "Run a handler-only WebSocket echo server on loopback (the connection layer's floor; Ctrl-C stops it)."
    )

    @Option(help: "Port on 127.0.0.1.") var port = 18199
    @Option(help: "Path the upgrade is accepted on (others get 404).") var path = "/bench/echo"
    @Option(help: "Event loop threads (default: one per core, as the server).") var threads = System.coreCount
    @Option(help: "Largest message accepted, in bytes.") var maximumMessageBytes = 1 << 20

    func run() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: max(1, threads))
        let path = self.path
        let upgrader = NIOWebSocketServerUpgrader(
            maxFrameSize: maximumMessageBytes,
            shouldUpgrade: { channel, head in
                let accepted = head.uri.split(separator: "?").first.map(String.init) == path
                return channel.eventLoop.makeSucceededFuture(accepted ? HTTPHeaders() : nil)
            },
            upgradePipelineHandler: { channel, _ in
                channel.eventLoop.makeCompletedFuture { try channel.pipeline.syncOperations.addHandler(EchoFloorHandler()) }
            }
        )
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(.backlog, value: 4096)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .childChannelOption(.socketOption(.tcp_nodelay), value: 1)
            .childChannelInitializer { channel in
                channel.pipeline.configureHTTPServerPipeline(withServerUpgrade: (upgraders: [upgrader], completionHandler: { _ in }))
            }
        let channel = try bootstrap.bind(host: "127.0.0.1", port: port).wait()
        print("echo floor server on ws://127.0.0.1:\(port)\(path), \(max(1, threads)) event loops")
        try channel.closeFuture.wait()
    }
}

/// Sends each message back on the loop that read it; one flush per read burst.
final class EchoFloorHandler: ChannelInboundHandler {
    typealias InboundIn = WebSocketFrame
    typealias OutboundOut = WebSocketFrame

    private var closing = false

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        switch frame.opcode {
        case .text, .binary, .continuation:
            let echo = WebSocketFrame(fin: frame.fin, opcode: frame.opcode, data: frame.unmaskedData)
            context.write(wrapOutboundOut(echo), promise: nil)
        case .ping:
            context.write(wrapOutboundOut(WebSocketFrame(fin: true, opcode: .pong, data: frame.unmaskedData)), promise: nil)
        case .connectionClose:
            guard !closing else { return }
            closing = true
            let reply = WebSocketFrame(fin: true, opcode: .connectionClose, data: frame.unmaskedData)
            let channel = context.channel
            context.writeAndFlush(wrapOutboundOut(reply)).whenComplete { _ in channel.close(promise: nil) }
        default:
            break
        }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        context.flush()
    }
}
