import Coaching

/// Voice clips for cues. CoachServer does not know how speech is made: the `trailbrake`
/// executable wires one backed by the Voice target (espeak-ng, Opus; see `CoachVoice`), tests
/// a fake. It is also the coach's `CueSpeech`, so approach cues are timed on their clips.
public protocol CueVoice: CueSpeech {
    /// The clip for a cue's words when it is ready now; nil when it is not, and then it is
    /// prepared in the background so the same words have a clip next time. Never waits: a cue
    /// is never held back for its voice.
    func readyClip(for text: String, language: CueLanguage) -> CueClip?

    /// The clip for a cue's words, rendering it if needed (one render however many ask); nil
    /// when it cannot be made. Used off the live path, for a clip that follows its cue late.
    func renderedClip(for text: String, language: CueLanguage) async -> CueClip?
}

extension CueVoice {
    /// A voice that cannot render on demand sends no late clips.
    public func renderedClip(for text: String, language: CueLanguage) async -> CueClip? { nil }
}

/// A rendered cue as it goes on the wire (docs/protocol.md, "voice clip").
public struct CueClip: Sendable, Equatable {
    /// 16 lowercase hex digits; the same words in the same voice always have the same id.
    public var id: String
    /// Playback length, seconds.
    public var duration: Double
    public var sampleRate: Int
    /// A complete Ogg Opus file (mono).
    public var oggOpus: [UInt8]

    public init(id: String, duration: Double, sampleRate: Int, oggOpus: [UInt8]) {
        self.id = id
        self.duration = duration
        self.sampleRate = sampleRate
        self.oggOpus = oggOpus
    }
}
