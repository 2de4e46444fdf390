import HummingbirdWebSocket
import Logging
import NIOCore
import NIOWebSocket

/// One listener's socket: attaches to the driver's mirror and writes what its queue holds
/// until either side goes. Anything the listener sends is ignored (the socket is read-only).
struct ListenConnection: Sendable {
    let mirror: DriverMirror
    let closeGrace: Duration
    let cut: @Sendable () -> Void
    let logger: Logger

    /// The listener stayed behind the driver and was closed: 4013, in the private range (RFC
    /// 6455 7.4.2), as 1013 "try again later" is not in RFC 6455 and some WebSocket stacks
    /// (swift-websocket among them) answer it as a protocol error.
    static let tooSlowCloseCode = WebSocketErrorCode(codeNumber: 4013)

    func run(inbound: WebSocketInboundStream, outbound: WebSocketOutboundWriter) async {
        guard let attached = mirror.attach() else {
            let message = #"{"type":"error","code":"too_many_listeners","message":"this driver has as many listeners as allowed","fatal":true}"#
            try? await outbound.write(.text(message))
            try? await outbound.close(.policyViolation, reason: "too_many_listeners")
            return
        }
        let (id, queue) = attached
        defer { mirror.detach(id) }
        await withTaskGroup(of: Void.self) { group in
            group.addTask { await write(queue, to: outbound) }
            group.addTask {
                // A listener too slow to take its close frame either is cut after the grace.
                guard await queue.closed() == .tooSlow else { return }
                do {
                    try await Task.sleep(for: closeGrace)
                    logger.info("cutting a listener that did not close")
                    cut()
                } catch {}
            }
            do {
                for try await _ in inbound {}
            } catch {
                logger.debug("listener socket ended", metadata: ["error": "\(error)"])
            }
            queue.close(.ended)
            group.cancelAll()
        }
    }

    private func write(_ queue: ListenerQueue, to outbound: WebSocketOutboundWriter) async {
        while true {
            switch await queue.next() {
            case .send(let message):
                let frame: WebSocketOutboundWriter.OutboundFrame =
                    message.isText ? .custom(WebSocketFrame(fin: true, opcode: .text, data: message.bytes)) : .binary(message.bytes)
                do { try await outbound.write(frame) } catch { return }
            case .close(.tooSlow):
                logger.info("closing a listener that stayed behind")
                try? await outbound.close(Self.tooSlowCloseCode, reason: "listener_too_slow")
                return
            case .close(.ended):
                return
            }
        }
    }
}
