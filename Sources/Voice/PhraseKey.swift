/// What makes two clips the same: the language, the voice (everything else that changes the
/// sound, see `PhraseRenderer.voice`) and the exact words.
public struct PhraseKey: Sendable, Hashable {
    public var language: String
    public var voice: String
    public var text: String

    public init(language: String, voice: String, text: String) {
        self.language = language
        self.voice = voice
        self.text = text
    }

    /// The key as one string, fields separated by NUL (which none of them may contain): what
    /// the disk cache stores to check a file really holds this phrase.
    var canonical: String { language + "\u{0}" + voice + "\u{0}" + text }

    /// 16 lowercase hex digits naming the clip: FNV-1a 64 of the canonical key. Stable across
    /// runs and machines (unlike `hashValue`), so a client may cache clips by it.
    public var clipID: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in canonical.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}

/// A rendered phrase: the clip and its id.
public struct RenderedPhrase: Sendable, Equatable {
    /// `PhraseKey.clipID`.
    public var id: String
    public var clip: VoiceClip

    public init(id: String, clip: VoiceClip) {
        self.id = id
        self.clip = clip
    }
}
