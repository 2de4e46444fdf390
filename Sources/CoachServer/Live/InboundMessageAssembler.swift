import NIOCore
import NIOWebSocket

/// Joins WebSocket frames into messages, enforcing the protocol's own size limit and UTF-8.
///
/// The socket (`WebSocketConnectionHandler`) reports a failure to its endpoint instead of
/// closing at once, so the live endpoint can send `message_too_large` or `invalid_utf8` before
/// the close, as the protocol promises.
struct InboundMessageAssembler {
    enum Message: Sendable {
        case text(String)
        case binary(ByteBuffer)
    }

    enum Failure: Error, Sendable {
        case tooLarge(Int)
        case invalidUTF8
        /// A continuation with no message started, or a new message before the last one ended.
        case badFragmentation
    }

    let maximumBytes: Int
    private var pending: ByteBuffer?
    private var pendingIsText = false

    init(maximumBytes: Int) {
        self.maximumBytes = maximumBytes
    }

    /// Adds a frame; returns the message once its last frame arrived.
    /// - Parameter frame: a text, binary or continuation frame (the socket handles the others).
    mutating func append(_ frame: WebSocketFrame) throws(Failure) -> Message? {
        var buffer: ByteBuffer
        switch frame.opcode {
        case .continuation:
            guard var started = pending else { throw .badFragmentation }
            pending = nil
            var data = frame.unmaskedData
            started.writeBuffer(&data)
            buffer = started
        default:
            guard pending == nil else { throw .badFragmentation }
            pendingIsText = frame.opcode == .text
            buffer = frame.unmaskedData
        }
        guard buffer.readableBytes <= maximumBytes else {
            pending = nil
            throw .tooLarge(buffer.readableBytes)
        }
        guard frame.fin else {
            pending = buffer
            return nil
        }
        pending = nil
        guard pendingIsText else { return .binary(buffer) }
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else { throw .invalidUTF8 }
        return .text(text)
    }
}
