/// Renders phrases for `PhraseCache`. `VoiceRenderer` is the real one (espeak-ng, libsoxr,
/// libopusenc); tests of the cache's bookkeeping may count calls with their own.
public protocol PhraseRenderer: Sendable {
    /// Names every setting besides language and text that changes the sound (voice variant,
    /// rate, pitch, codec settings). Part of the cache key, so clips from other settings,
    /// also on disk, are never mistaken for current ones.
    var voice: String { get }
    /// Speaks `text` in `language` (an espeak-ng language code) and encodes it.
    func render(_ text: String, language: String) async throws(VoiceError) -> VoiceClip
}

extension VoiceRenderer: PhraseRenderer {
    public var voice: String {
        let variant = settings.variant.isEmpty ? "default" : settings.variant
        return "\(variant)-\(settings.wordsPerMinute)wpm-p\(settings.pitch)-opus\(bitrate)-cx\(complexity)"
    }

    public func render(_ text: String, language: String) async throws(VoiceError) -> VoiceClip {
        var renderer = self
        renderer.settings.language = language
        return try await renderer.render(text)
    }
}
