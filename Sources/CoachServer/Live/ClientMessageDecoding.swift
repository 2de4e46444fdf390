import Foundation
import NIOCore
import Telemetry

/// Decodes client messages with Telemetry's wire codecs, straight from the socket's bytes.
enum ClientMessageDecoding {
    /// A text message (already checked to be UTF-8).
    static func decode(text: String) throws(WireError) -> ClientMessage {
        try ClientMessage.decode(json: Data(text.utf8))
    }

    /// A binary message: always a frame batch.
    static func decode(binary buffer: ByteBuffer) throws(WireError) -> FrameBatch {
        let result = buffer.withUnsafeReadableBytes { bytes in
            Result { () throws(WireError) -> FrameBatch in try BinaryFrameBatchCodec.decode(bytes) }
        }
        return try result.get()
    }
}
