/// The binary message carrying a cue's voice clip (docs/protocol.md, "voice clip"): a fixed
/// 44-byte little-endian header, then the Ogg Opus file. It follows its `cue` message at once.
enum VoiceClipMessage {
    /// "TB", as on the client's frame batches.
    static let magic: [UInt8] = [0x54, 0x42]
    static let version: UInt8 = 1
    /// Message kinds share one space with the client's (1 = frame batch).
    static let voiceClipKind: UInt8 = 2
    /// 1 = Ogg Opus (RFC 7845).
    static let oggOpusCodec: UInt8 = 1
    static let headerSize = 44
    static let clipIDLength = 16

    /// The message bytes, or nil when the clip cannot be described by the header (an id that is
    /// not 16 ASCII characters, a clip over 4 GiB): such a clip is not sent, the cue still is.
    static func encode(cueID: UInt64, clip: CueClip) -> [UInt8]? {
        let id = Array(clip.id.utf8)
        let samples = (clip.duration * Double(clip.sampleRate)).rounded()
        guard id.count == clipIDLength, id.allSatisfy({ $0 < 0x80 }), let rate = UInt32(exactly: clip.sampleRate),
              samples.isFinite, samples >= 0, samples <= Double(UInt32.max),
              let length = UInt32(exactly: clip.oggOpus.count)
        else { return nil }
        var message = magic + [version, voiceClipKind]
        message.reserveCapacity(headerSize + clip.oggOpus.count)
        append(cueID, to: &message)
        message += id
        message += [oggOpusCodec, 1, 0, 0]  // codec, channels (mono), two reserved zero bytes
        append(rate, to: &message)
        append(UInt32(samples), to: &message)
        append(length, to: &message)
        return message + clip.oggOpus
    }

    private static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
}
