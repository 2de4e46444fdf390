import NIOCore

/// A binary message from the server: a voice clip (Ogg Opus) behind a small header.
///
/// PROVISIONAL: the clip message's header is specified in docs/protocol.md by the voice work
/// (issue 4), which was not merged when this was written. Until it is checked against that
/// section, this parser assumes only what any such layout keeps: an optional header that
/// starts with the protocol's `TB` magic and a kind byte, followed by the Ogg stream, which
/// always begins with the capture pattern `OggS`. Everything before `OggS` is the header.
public struct ClipMessage: Sendable, Equatable {
    /// The header bytes before the Ogg stream (empty when the message is a bare Ogg stream).
    public let header: [UInt8]
    /// The message kind (byte 3 of a `TB` header), nil without such a header.
    public let kind: UInt8?
    /// The Ogg Opus file, ready to save as `.opus`.
    public let opus: [UInt8]

    /// How far into the message the Ogg stream may start.
    static let maximumHeaderBytes = 256
    static let oggCapture: [UInt8] = Array("OggS".utf8)

    /// Nil when the message holds no Ogg stream within its first `maximumHeaderBytes`.
    public init?(_ buffer: ByteBuffer) {
        guard let bytes = buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) else { return nil }
        let limit = min(bytes.count - Self.oggCapture.count, Self.maximumHeaderBytes)
        guard limit >= 0, let start = (0...limit).first(where: { bytes[$0..<$0 + 4].elementsEqual(Self.oggCapture) }) else {
            return nil
        }
        header = Array(bytes[..<start])
        kind = header.count >= 4 && header[0] == 0x54 && header[1] == 0x42 ? header[3] : nil
        opus = Array(bytes[start...])
    }
}
