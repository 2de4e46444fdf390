import Foundation
import Voice

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
        do {
            return try OggOpusDecoder.decodeMono(bytes)
        } catch {
            throw .malformedPayload(error.description)
        }
    }
}
