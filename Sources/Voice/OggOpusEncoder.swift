import COpus
import COpusEnc

/// Encodes 48 kHz mono PCM into a complete Ogg Opus file in memory (RFC 7845).
///
/// libopusenc writes the headers and sets the pre-skip and the final granule position, so
/// decoders trim the encoder's lookahead and play exactly the input's length. Its pull API
/// hands back finished pages, so no file or callback is involved.
public enum OggOpusEncoder {
    /// The only input rate accepted: Opus's native rate, which `OpusHead` then records.
    public static let sampleRate = 48_000
    /// 20 ms frames: the usual speech frame, small enough to stream one packet per message.
    static let frameDuration = Int32(OPUS_FRAMESIZE_20_MS)
    /// Opus accepts 6 to 510 kbit/s; speech cues sound clear from about 16 kbit/s.
    public static let bitrateRange = 6_000...510_000
    /// libopus's complexity scale. 10 (its default) suits pre-rendered cues; about 5 costs
    /// less CPU for cues rendered on demand.
    public static let complexityRange = 0...10
    /// Samples handed to libopusenc per write, so finished pages are collected as we go.
    static let writeChunk = 48_000

    /// Encodes `samples` (mono, 48 kHz) as Opus VOIP at `bitrate` bits per second.
    public static func encode(
        _ samples: [Int16], bitrate: Int = 24_000, complexity: Int = 10
    ) throws(VoiceError) -> VoiceClip {
        guard bitrateRange.contains(bitrate) else { throw .invalidSetting(name: "bitrate", value: bitrate) }
        guard complexityRange.contains(complexity) else {
            throw .invalidSetting(name: "complexity", value: complexity)
        }
        guard !samples.isEmpty else { throw .noAudio }

        guard let comments = ope_comments_create() else { throw .encodingFailed("out of memory") }
        defer { ope_comments_destroy(comments) }
        var status: Int32 = OPE_OK
        guard let encoder = ope_encoder_create_pull(comments, Int32(sampleRate), 1, 0, &status), status == OPE_OK else {
            throw .encodingFailed(errorText(status))
        }
        defer { ope_encoder_destroy(encoder) }

        try check(copusenc_set_application(encoder, OPUS_APPLICATION_VOIP))
        try check(copusenc_set_frame_duration(encoder, frameDuration))
        try check(copusenc_set_bitrate(encoder, Int32(bitrate)))
        try check(copusenc_set_complexity(encoder, Int32(complexity)))

        var file: [UInt8] = []
        var offset = 0
        while offset < samples.count {
            let end = min(offset + writeChunk, samples.count)
            let written = samples[offset..<end].withUnsafeBufferPointer { chunk in
                ope_encoder_write(encoder, chunk.baseAddress, Int32(chunk.count))
            }
            try check(written)
            collectPages(from: encoder, into: &file, flush: false)
            offset = end
        }
        try check(ope_encoder_drain(encoder))
        collectPages(from: encoder, into: &file, flush: true)
        guard !file.isEmpty else { throw .encodingFailed("no Ogg pages produced") }
        return VoiceClip(bytes: file, duration: Double(samples.count) / Double(sampleRate), sampleRate: sampleRate)
    }

    /// Appends every page libopusenc has finished.
    private static func collectPages(from encoder: OpaquePointer, into file: inout [UInt8], flush: Bool) {
        var page: UnsafeMutablePointer<UInt8>?
        var length: Int32 = 0
        while ope_encoder_get_page(encoder, &page, &length, flush ? 1 : 0) != 0 {
            guard let page, length > 0 else { continue }
            file.append(contentsOf: UnsafeBufferPointer(start: page, count: Int(length)))
        }
    }

    private static func check(_ status: Int32) throws(VoiceError) {
        guard status == OPE_OK else { throw .encodingFailed(errorText(status)) }
    }

    private static func errorText(_ status: Int32) -> String {
        guard let text = ope_strerror(status) else { return "libopusenc error \(status)" }
        return String(cString: text)
    }
}
