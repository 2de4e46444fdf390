import COpus
import Foundation

/// What a Discord voice message needs besides the file: its length and a waveform preview.
public struct VoiceMessageAudio: Sendable, Equatable {
    /// Seconds of audio (Opus pre-skip excluded).
    public var duration: Double
    /// At most 256 amplitudes 0...255, one per ≥100 ms slice as Discord's own clients sample.
    public var waveform: [UInt8]

    public var waveformBase64: String { Data(waveform).base64EncodedString() }

    static let maximumPoints = 256
    static let secondsPerPoint = 0.1

    /// Decodes an Ogg Opus file with libopus and measures it: the RMS level of each slice,
    /// scaled so the loudest slice is 255.
    public static func analyse(oggOpus bytes: [UInt8]) throws(DiscordError) -> VoiceMessageAudio {
        let samples = try decode(bytes)
        let duration = Double(samples.count) / 48_000
        let points = max(1, min(maximumPoints, Int((duration / secondsPerPoint).rounded(.up))))
        var levels: [Double] = []
        levels.reserveCapacity(points)
        for index in 0..<points {
            let start = samples.count * index / points
            let end = samples.count * (index + 1) / points
            guard end > start else {
                levels.append(0)
                continue
            }
            var sum = 0.0
            for sample in samples[start..<end] { sum += Double(sample) * Double(sample) }
            levels.append((sum / Double(end - start)).squareRoot())
        }
        let loudest = levels.max() ?? 0
        let waveform = levels.map { level -> UInt8 in
            guard loudest > 0 else { return 0 }
            return UInt8(min(255, (level / loudest * 255).rounded()))
        }
        return VoiceMessageAudio(duration: duration, waveform: waveform)
    }

    /// Mono 48 kHz samples (channels averaged), pre-skip removed.
    static func decode(_ bytes: [UInt8]) throws(DiscordError) -> [Float] {
        let packets = try OggPacketReader.packets(in: bytes)
        guard let head = packets.first, head.count >= 19, head[0..<8].elementsEqual("OpusHead".utf8) else {
            throw DiscordError.malformedPayload("not an Ogg Opus file (no OpusHead)")
        }
        let channels = Int(head[9])
        let preSkip = Int(head[10]) | Int(head[11]) << 8
        guard channels == 1 || channels == 2 else { throw DiscordError.malformedPayload("unsupported channel count \(channels)") }
        var error: Int32 = 0
        guard let decoder = opus_decoder_create(48_000, Int32(channels), &error), error == OPUS_OK else {
            throw DiscordError.malformedPayload("libopus refused to create a decoder (\(error))")
        }
        defer { opus_decoder_destroy(decoder) }
        // 120 ms is the longest Opus packet.
        let maximumFrame = 5_760
        var pcm = [Float](repeating: 0, count: maximumFrame * channels)
        var mono: [Float] = []
        for packet in packets.dropFirst(2) where !packet.isEmpty {
            let decoded = packet.withUnsafeBufferPointer { input in
                pcm.withUnsafeMutableBufferPointer { output -> Int32 in
                    guard let samples = output.baseAddress else { return OPUS_BUFFER_TOO_SMALL }
                    return opus_decode_float(decoder, input.baseAddress, Int32(input.count), samples, Int32(maximumFrame), 0)
                }
            }
            guard decoded >= 0 else { throw DiscordError.malformedPayload("undecodable Opus packet (\(decoded))") }
            for frame in 0..<Int(decoded) {
                var sum: Float = 0
                for channel in 0..<channels { sum += pcm[frame * channels + channel] }
                mono.append(sum / Float(channels))
            }
        }
        return Array(mono.dropFirst(preSkip))
    }
}
