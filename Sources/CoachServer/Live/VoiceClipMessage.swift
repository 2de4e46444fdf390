import Telemetry

/// The binary message carrying a cue's voice clip (docs/protocol.md, "voice clip"): the
/// 44-byte `VoiceClipHeader`, then the Ogg Opus file. It follows its `cue` message at once.
enum VoiceClipMessage {
    /// The message bytes, or nil when the clip cannot be described by the header (an id that is
    /// not 16 ASCII characters, a clip over 4 GiB): such a clip is not sent, the cue still is.
    static func encode(cueID: UInt64, clip: CueClip) -> [UInt8]? {
        let samples = (clip.duration * Double(clip.sampleRate)).rounded()
        guard let rate = UInt32(exactly: clip.sampleRate), samples.isFinite, samples >= 0, samples <= Double(UInt32.max),
              let length = UInt32(exactly: clip.oggOpus.count)
        else { return nil }
        let header = VoiceClipHeader(
            cueID: cueID, clipID: clip.id, sampleRate: rate, durationSamples: UInt32(samples), payloadLength: length)
        guard var message = header.encoded() else { return nil }
        message.reserveCapacity(VoiceClipHeader.size + clip.oggOpus.count)
        return message + clip.oggOpus
    }
}
