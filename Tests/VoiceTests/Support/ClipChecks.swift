import TestSupport
import Testing
import Voice

/// What every clip the server sends must be, checked with the reference decoder (opus-tools).
enum ClipChecks {
    /// Below this RMS (on the 16-bit scale, about -40 dBFS) a clip is effectively silent;
    /// espeak-ng speech sits in the thousands.
    static let silenceRMS = 300.0
    /// opusinfo prints milliseconds; one 20 ms Opus frame is the largest honest disagreement.
    static let durationTolerance = 0.020

    /// Valid mono 48 kHz Ogg Opus, as long as `clip.duration` says, and not silent.
    static func expectSpeech(_ clip: VoiceClip, _ comment: String = "") throws {
        #expect(clip.sampleRate == 48_000)
        let (info, decoded) = try OpusTools.inspect(clip.bytes)
        #expect(info.channels == 1, "\(comment) \(info.report)")
        #expect(info.originalSampleRate == 48_000, "\(comment) \(info.report)")
        let playback = try #require(info.playbackSeconds, "\(comment) \(info.report)")
        #expect(abs(playback - clip.duration) <= durationTolerance, "\(comment)")
        let decodedSeconds = Double(decoded.count) / 48_000
        #expect(abs(decodedSeconds - clip.duration) <= durationTolerance, "\(comment)")
        #expect(Signals.rms(decoded) > silenceRMS, "\(comment)")
    }
}
