import NIOCore
import NIOWebSocket
import Synchronization

/// The sending end of a `WireSocket`: masked frames (RFC 6455: every client frame is masked),
/// shared by the writer task and the reader (which answers pings and close frames).
public struct WireOutbound: Sendable {
    private let writer: NIOAsyncChannelOutboundWriter<WebSocketFrame>
    private let closeState: CloseState
    private let channel: any Channel

    init(_ writer: NIOAsyncChannelOutboundWriter<WebSocketFrame>, channel: any Channel) {
        self.writer = writer
        self.channel = channel
        closeState = CloseState()
    }

    /// Drops the connection at once, without a closing handshake (a server that went silent
    /// cannot answer one); the reader then ends. A Trailbrake server keeps the session resumable.
    public func abort() {
        channel.close(promise: nil)
    }

    public func write(_ message: WireMessage) async throws {
        switch message {
        case .text(let text): try await send(.text, ByteBuffer(string: text))
        case .binary(let bytes): try await send(.binary, bytes)
        }
    }

    public func write(text: String) async throws { try await send(.text, ByteBuffer(string: text)) }
    public func write(binary bytes: [UInt8]) async throws { try await send(.binary, ByteBuffer(bytes: bytes)) }

    /// A ping: the server's pong proves the path is alive while nothing else flows.
    public func ping() async throws { try await send(.ping, ByteBuffer()) }

    /// Starts the closing handshake (once); the reader ends when the server's close arrives.
    /// 1000 ends the session on a Trailbrake server, any other code (1001 ...) leaves it resumable.
    public func close(code: UInt16 = 1000, reason: String = "") async throws {
        guard closeState.markSent() else { return }
        var payload = ByteBuffer()
        payload.write(webSocketErrorCode: WebSocketErrorCode(codeNumber: Int(code)))
        payload.writeString(String(reason.utf8.prefix(120)) ?? "")
        try await send(.connectionClose, payload)
    }

    /// True once a close frame went out (ours or our echo of the server's).
    public var closeSent: Bool { closeState.sent }

    func pong(_ data: ByteBuffer) async throws { try await send(.pong, data) }

    /// Answers the server's close with the same code, unless we sent one first.
    func echoClose(_ data: ByteBuffer) async throws {
        guard closeState.markSent() else { return }
        try await send(.connectionClose, data.readableBytes >= 2 ? data.getSlice(at: data.readerIndex, length: 2) ?? ByteBuffer() : ByteBuffer())
    }

    private func send(_ opcode: WebSocketOpcode, _ data: ByteBuffer) async throws {
        try await writer.write(WebSocketFrame(fin: true, opcode: opcode, maskKey: .random(), data: data))
    }
}

/// Whether a close frame was sent on this socket (it may be sent only once).
private final class CloseState: Sendable {
    private let flag = Mutex(false)
    /// True for the first caller only.
    func markSent() -> Bool { flag.withLock { sent in defer { sent = true }; return !sent } }
    var sent: Bool { flag.withLock { $0 } }
}
