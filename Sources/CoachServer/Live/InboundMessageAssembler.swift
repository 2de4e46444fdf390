import NIOCore
import HummingbirdWebSocket

/// Joins WebSocket frames into messages, enforcing the protocol's own size limit and UTF-8.
///
/// Hummingbird's `messages(maxSize:)` skips the first frame in its size check and closes
/// invalid UTF-8 without a word, so the server assembles messages itself: this way the client
/// gets a `message_too_large` or `invalid_utf8` error before the close, as the protocol promises.
struct InboundMessageAssembler {
    enum Message {
        case text(String)
        case binary(ByteBuffer)
    }

    enum Failure: Error {
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
    mutating func append(_ frame: WebSocketDataFrame) throws(Failure) -> Message? {
        var buffer: ByteBuffer
        switch frame.opcode {
        case .text, .binary:
            guard pending == nil else { throw .badFragmentation }
            pendingIsText = frame.opcode == .text
            buffer = frame.data
        case .continuation:
            guard var started = pending else { throw .badFragmentation }
            pending = nil
            var data = frame.data
            started.writeBuffer(&data)
            buffer = started
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
