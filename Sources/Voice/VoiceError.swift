/// Why a voice clip could not be made. `code` is stable: logs and clients may match on it.
public enum VoiceError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The text was empty (after trimming) or held only characters espeak cannot speak.
    case emptyText
    /// The text is longer than `SpeechSettings.maximumTextLength` UTF-8 bytes.
    case textTooLong(bytes: Int)
    /// The text contains a NUL character, which would cut it short in C.
    case textContainsNul
    /// A setting is outside the range the underlying library accepts.
    case invalidSetting(name: String, value: Int)
    /// espeak-ng could not start (its data files are usually missing).
    case synthesizerUnavailable(status: Int)
    /// espeak-ng knows no voice for this language code.
    case unknownLanguage(String)
    /// The voice variant is not a name espeak-ng could know (or it rejected language+variant).
    case unknownVoice(String)
    /// espeak-ng reported an error while speaking.
    case synthesisFailed(status: Int)
    /// espeak-ng finished without producing a single sample.
    case noAudio
    /// libsoxr rejected the conversion.
    case resamplingFailed(String)
    /// libopusenc rejected the stream or a setting.
    case encodingFailed(String)
    /// Too many renders are waiting (for this requester or in all, `RenderLimits`): not rendered.
    case renderQueueFull
    /// An Ogg Opus file that cannot be read back: not Ogg, truncated, no `OpusHead`, or a
    /// packet libopus refuses.
    case malformedClip(String)

    /// A short, stable identifier for the error kind.
    public var code: String {
        switch self {
        case .emptyText: "voice.empty_text"
        case .textTooLong: "voice.text_too_long"
        case .textContainsNul: "voice.text_contains_nul"
        case .invalidSetting: "voice.invalid_setting"
        case .synthesizerUnavailable: "voice.synthesizer_unavailable"
        case .unknownLanguage: "voice.unknown_language"
        case .unknownVoice: "voice.unknown_voice"
        case .synthesisFailed: "voice.synthesis_failed"
        case .noAudio: "voice.no_audio"
        case .resamplingFailed: "voice.resampling_failed"
        case .encodingFailed: "voice.encoding_failed"
        case .renderQueueFull: "voice.render_queue_full"
        case .malformedClip: "voice.malformed_clip"
        }
    }

    public var description: String {
        switch self {
        case .emptyText: "\(code): nothing to speak"
        case .textTooLong(let bytes): "\(code): \(bytes) UTF-8 bytes is over the limit"
        case .textContainsNul: "\(code): text contains a NUL character"
        case .invalidSetting(let name, let value): "\(code): \(name) = \(value) is out of range"
        case .synthesizerUnavailable(let status): "\(code): espeak-ng failed to start (\(status))"
        case .unknownLanguage(let language): "\(code): no espeak-ng voice for '\(language)'"
        case .unknownVoice(let voice): "\(code): no espeak-ng voice variant '\(voice)'"
        case .synthesisFailed(let status): "\(code): espeak-ng status \(status)"
        case .noAudio: "\(code): espeak-ng produced no samples"
        case .resamplingFailed(let reason): "\(code): \(reason)"
        case .encodingFailed(let reason): "\(code): \(reason)"
        case .renderQueueFull: "\(code): too many renders waiting"
        case .malformedClip(let reason): "\(code): \(reason)"
        }
    }
}
