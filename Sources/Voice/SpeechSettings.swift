/// How espeak-ng should speak: which voice, how fast, how high.
public struct SpeechSettings: Sendable, Hashable {
    /// espeak-ng's language/voice code, e.g. "en" or "tr".
    public var language: String
    /// espeak-ng voice variant added to the language's voice ("f2", "m3", "klatt"; see
    /// `espeak-ng --voices=variant`); empty keeps the language's default voice.
    public var variant: String = ""
    /// Words per minute. espeak-ng accepts 80...450; 175 is its default. Cues are short
    /// and heard at speed, so a little faster than default is usual.
    public var wordsPerMinute: Int
    /// Base pitch, 0...100 (espeak-ng's scale; 50 is its default).
    public var pitch: Int

    /// The longest text accepted, in UTF-8 bytes. A coaching cue is one sentence; this
    /// bounds the work one request can cause (about a minute of speech).
    public static let maximumTextLength = 1_000
    /// espeak-ng's documented rate range in words per minute.
    public static let wordsPerMinuteRange = 80...450
    /// espeak-ng's pitch scale.
    public static let pitchRange = 0...100

    public init(language: String = "en", variant: String = "", wordsPerMinute: Int = 185, pitch: Int = 50) {
        self.language = language
        self.variant = variant
        self.wordsPerMinute = wordsPerMinute
        self.pitch = pitch
    }

    /// Checks every field against the ranges espeak-ng accepts.
    func validated() throws(VoiceError) -> SpeechSettings {
        guard Self.wordsPerMinuteRange.contains(wordsPerMinute) else {
            throw .invalidSetting(name: "wordsPerMinute", value: wordsPerMinute)
        }
        guard Self.pitchRange.contains(pitch) else {
            throw .invalidSetting(name: "pitch", value: pitch)
        }
        let isLanguageCode = !language.isEmpty && language.utf8.count <= 16
            && language.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || $0 == "-") }
        guard isLanguageCode else { throw .unknownLanguage(language) }
        let isVariantName = variant.utf8.count <= 32
            && variant.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)) }
        guard isVariantName else { throw .unknownVoice(variant) }
        return self
    }

    /// The name espeak-ng selects: "en", or "en+f2" with a variant.
    var espeakVoiceName: String { variant.isEmpty ? language : language + "+" + variant }
}
