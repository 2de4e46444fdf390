import NIOCore
import Telemetry

/// A binary message from the server: a cue's voice clip, `VoiceClipHeader` then Ogg Opus.
public struct ClipMessage: Sendable, Equatable {
    public let header: VoiceClipHeader
    /// The Ogg Opus file, ready to save as `.opus`.
    public let opus: [UInt8]

    /// Reads the message; throws when it is not a voice clip this client understands.
    public init(_ buffer: ByteBuffer) throws(VoiceClipHeaderError) {
        let bytes = buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
        header = try VoiceClipHeader(parsing: bytes)
        opus = Array(bytes[VoiceClipHeader.size...])
    }
}
