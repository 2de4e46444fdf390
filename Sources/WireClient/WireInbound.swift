import NIOCore
import NIOWebSocket

/// The receiving end of a `WireSocket`: whole text and binary messages. Pings are answered and a
/// close frame ends the stream (answered with the same code when the server closed first).
public struct WireInbound {
    private var frames: NIOAsyncChannelInboundStream<WebSocketFrame>.AsyncIterator
    private let replies: WireOutbound
    /// The code of the server's close frame, once it came (1000, 1001, 1008 ...; 1005: none given).
    public private(set) var closeCode: UInt16?

    init(_ frames: NIOAsyncChannelInboundStream<WebSocketFrame>.AsyncIterator, replies: WireOutbound) {
        self.frames = frames
        self.replies = replies
    }

    /// The next message; nil when the socket closed (cleanly or not: see `closeCode`).
    public mutating func next() async throws -> WireMessage? {
        while let frame = try await frames.next() {
            switch frame.opcode {
            case .text:
                return .text(String(buffer: frame.unmaskedData))
            case .binary:
                return .binary(frame.unmaskedData)
            case .ping:
                try? await replies.pong(frame.unmaskedData)
            case .connectionClose:
                var data = frame.unmaskedData
                closeCode = data.readWebSocketErrorCode().map { UInt16(webSocketErrorCode: $0) } ?? 1005
                try? await replies.echoClose(frame.unmaskedData)
                return nil
            default:
                continue  // pongs; unknown opcodes are refused by NIO's decoder
            }
        }
        return nil
    }
}
