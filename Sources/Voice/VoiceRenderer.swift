/// Turns cue text into a ready-to-send Ogg Opus clip: espeak-ng, then libsoxr to 48 kHz,
/// then libopusenc.
public struct VoiceRenderer: Sendable {
    public var settings: SpeechSettings
    /// Opus bitrate in bits per second (see `OggOpusEncoder.bitrateRange`).
    public var bitrate: Int
    /// Opus encoder complexity (see `OggOpusEncoder.complexityRange`).
    public var complexity: Int
    private let synthesizer: SpeechSynthesizer

    public init(settings: SpeechSettings = SpeechSettings(), bitrate: Int = 24_000, complexity: Int = 10,
                synthesizer: SpeechSynthesizer = .shared) {
        self.settings = settings
        self.bitrate = bitrate
        self.complexity = complexity
        self.synthesizer = synthesizer
    }

    /// Speaks `text` and encodes it. Throws `VoiceError` for bad text or settings.
    public func render(_ text: String) async throws(VoiceError) -> VoiceClip {
        let speech = try await synthesizer.synthesize(text, settings: settings)
        let resampled = try Resampler.resample(speech, to: OggOpusEncoder.sampleRate)
        return try OggOpusEncoder.encode(resampled.samples, bitrate: bitrate, complexity: complexity)
    }
}
