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

    /// The same voice, its renders queued as this driver's (renders are bounded per driver and
    /// shared fairly, so one driver's flood of new phrases cannot starve another's clips).
    func forDriver(_ driverID: Int64) -> any CueVoice

    /// Renders waiting and refused so far (for `/metrics`); nil when the voice has no queue.
    var renderQueueStatistics: CueVoiceRenderStatistics? { get }
}

extension CueVoice {
    /// A voice that cannot render on demand sends no late clips.
    public func renderedClip(for text: String, language: CueLanguage) async -> CueClip? { nil }
    public func forDriver(_ driverID: Int64) -> any CueVoice { self }
    public var renderQueueStatistics: CueVoiceRenderStatistics? { nil }
}

/// The voice's render queue, as `/metrics` shows it.
public struct CueVoiceRenderStatistics: Sendable, Equatable {
    /// Phrases being rendered or waiting to be.
    public var pending: Int
    /// Phrases not rendered because the queue was full (their cues went out as text).
    public var refused: Int

    public init(pending: Int, refused: Int) {
        self.pending = pending
        self.refused = refused
    }
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
