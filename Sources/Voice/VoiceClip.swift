/// A rendered cue: a complete Ogg Opus file, ready to store or send.
public struct VoiceClip: Sendable, Equatable {
    /// The Ogg Opus file.
    public var bytes: [UInt8]
    /// Playback length in seconds (pre-skip excluded).
    public var duration: Double
    /// The rate the audio was encoded at (always 48,000 for Opus input here).
    public var sampleRate: Int

    public init(bytes: [UInt8], duration: Double, sampleRate: Int) {
        self.bytes = bytes
        self.duration = duration
        self.sampleRate = sampleRate
    }
}
