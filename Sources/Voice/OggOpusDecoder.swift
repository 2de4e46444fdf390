import COpus

/// Decodes an Ogg Opus file (RFC 7845) back to samples with libopus: the reading twin of
/// `OggOpusEncoder`, for whoever measures a clip (the Discord voice message's waveform).
/// Every input is treated as hostile: malformed files throw `malformedClip`, never crash.
public enum OggOpusDecoder {
    /// 120 ms at 48 kHz: the longest Opus packet.
    static let maximumFrame = 5_760

    /// Mono 48 kHz samples (channels averaged), the header's pre-skip removed.
    public static func decodeMono(_ bytes: [UInt8]) throws(VoiceError) -> [Float] {
        let packets = try OggPacketReader.packets(in: bytes)
        guard let head = packets.first, head.count >= 19, head[0..<8].elementsEqual("OpusHead".utf8) else {
            throw .malformedClip("not an Ogg Opus file (no OpusHead)")
        }
        let channels = Int(head[9])
        let preSkip = Int(head[10]) | Int(head[11]) << 8
        guard channels == 1 || channels == 2 else { throw .malformedClip("unsupported channel count \(channels)") }
        var error: Int32 = 0
        guard let decoder = opus_decoder_create(48_000, Int32(channels), &error), error == OPUS_OK else {
            throw .malformedClip("libopus refused to create a decoder (\(error))")
        }
        defer { opus_decoder_destroy(decoder) }
        var pcm = [Float](repeating: 0, count: maximumFrame * channels)
        var mono: [Float] = []
        for packet in packets.dropFirst(2) where !packet.isEmpty {
            let decoded = packet.withUnsafeBufferPointer { input in
                pcm.withUnsafeMutableBufferPointer { output -> Int32 in
                    guard let samples = output.baseAddress else { return OPUS_BUFFER_TOO_SMALL }
                    return opus_decode_float(decoder, input.baseAddress, Int32(input.count), samples, Int32(maximumFrame), 0)
                }
            }
            guard decoded >= 0 else { throw .malformedClip("undecodable Opus packet (\(decoded))") }
            for frame in 0..<Int(decoded) {
                var sum: Float = 0
                for channel in 0..<channels { sum += pcm[frame * channels + channel] }
                mono.append(sum / Float(channels))
            }
        }
        return Array(mono.dropFirst(preSkip))
    }
}
