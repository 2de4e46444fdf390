import NIOCore
import Telemetry
import WireClient

/// A batch as the WebSocket message the chosen format calls for.
enum BatchEncoding {
    static func message(_ batch: FrameBatch, format: Hello.FrameCodec, channels: ChannelMask) -> WireMessage {
        switch format {
        case .binary: .binary(ByteBuffer(bytes: BinaryFrameBatchCodec.encode(batch, channels: channels)))
        case .json: .text(batch.jsonText())
        }
    }

    /// The sequence of an echoed batch: bytes 8..<16 of a binary one, `"seq":N` of a JSON one.
    static func echoedSequence(_ message: WireMessage) -> UInt64? {
        switch message {
        case .binary(let buffer):
            guard buffer.readableBytes >= 16 else { return nil }
            return buffer.getInteger(at: buffer.readerIndex + 8, endianness: .little, as: UInt64.self)
        case .text(let text):
            guard let key = text.range(of: "\"seq\":") else { return nil }
            return UInt64(text[key.upperBound...].prefix { $0.isNumber })
        }
    }
}
