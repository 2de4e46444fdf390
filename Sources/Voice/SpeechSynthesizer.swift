import CEspeakNG

/// Speaks text into memory with espeak-ng.
///
/// espeak-ng keeps process-global state and is not re-entrant, so exactly one actor owns it:
/// `SpeechSynthesizer.shared`. It initialises espeak-ng on first use, in synchronous mode
/// (the PCM callback runs inside `espeak_Synth` on the actor's executor, no espeak thread).
public actor SpeechSynthesizer {
    /// The single owner of espeak-ng in this process.
    public static let shared = SpeechSynthesizer()

    /// espeak-ng's output rate once started (22,050 Hz for its standard voices).
    private var sampleRate: Int?
    /// The settings last applied, so repeated cues skip re-selecting the voice.
    private var appliedSettings: SpeechSettings?

    private init() {}

    /// Speaks `text` (UTF-8, any language espeak-ng has a voice for) as mono 16-bit PCM
    /// at espeak-ng's own rate.
    public func synthesize(_ text: String, settings: SpeechSettings = SpeechSettings()) throws(VoiceError) -> PCMAudio {
        let checkedText = try Self.validatedText(text)
        let rate = try startIfNeeded()
        try apply(settings.validated())

        let sink = PCMSink()
        let status = checkedText.withCString { cText in
            espeak_Synth(
                cText, checkedText.utf8.count + 1, 0, POS_CHARACTER, 0,
                UInt32(espeakCHARS_UTF8), nil, Unmanaged.passUnretained(sink).toOpaque()
            )
        }
        let samples = withExtendedLifetime(sink) { sink.samples }
        guard status == EE_OK else { throw .synthesisFailed(status: Int(status.rawValue)) }
        guard !samples.isEmpty else { throw .noAudio }
        return PCMAudio(samples: samples, sampleRate: rate)
    }

    private func startIfNeeded() throws(VoiceError) -> Int {
        if let sampleRate { return sampleRate }
        // 0 = espeak's default buffer length; nil = its installed data path.
        let rate = espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, nil, 0)
        guard rate > 0 else { throw .synthesizerUnavailable(status: Int(rate)) }
        espeak_SetSynthCallback(collectSamples)
        sampleRate = Int(rate)
        return Int(rate)
    }

    private func apply(_ settings: SpeechSettings) throws(VoiceError) {
        guard settings != appliedSettings else { return }
        appliedSettings = nil
        guard espeak_SetVoiceByName(settings.espeakVoiceName) == EE_OK else {
            throw settings.variant.isEmpty ? .unknownLanguage(settings.language) : .unknownVoice(settings.espeakVoiceName)
        }
        // espeak resets rate and pitch when the voice changes, so set them after it.
        let rateStatus = espeak_SetParameter(espeakRATE, Int32(settings.wordsPerMinute), 0)
        guard rateStatus == EE_OK else { throw .synthesisFailed(status: Int(rateStatus.rawValue)) }
        let pitchStatus = espeak_SetParameter(espeakPITCH, Int32(settings.pitch), 0)
        guard pitchStatus == EE_OK else { throw .synthesisFailed(status: Int(pitchStatus.rawValue)) }
        appliedSettings = settings
    }

    private static func validatedText(_ text: String) throws(VoiceError) -> String {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { throw .emptyText }
        guard !trimmed.utf8.contains(0) else { throw .textContainsNul }
        let byteCount = trimmed.utf8.count
        guard byteCount <= SpeechSettings.maximumTextLength else { throw .textTooLong(bytes: byteCount) }
        return trimmed
    }
}

/// Collects one `espeak_Synth` call's samples. It lives only for that call, on the actor,
/// and reaches the C callback through espeak's `user_data` pointer.
private final class PCMSink {
    var samples: [Int16] = []
}

/// espeak-ng's synth callback: append the chunk to the call's sink. Returns 0 to continue.
private let collectSamples: @convention(c) (
    UnsafeMutablePointer<Int16>?, Int32, UnsafeMutablePointer<espeak_EVENT>?
) -> Int32 = { wave, count, events in
    guard let events, let userData = events.pointee.user_data else { return 0 }
    let sink = Unmanaged<PCMSink>.fromOpaque(userData).takeUnretainedValue()
    if let wave, count > 0 {
        sink.samples.append(contentsOf: UnsafeBufferPointer(start: wave, count: Int(count)))
    }
    return 0
}

extension String {
    /// The string without leading and trailing whitespace and newlines (no Foundation needed).
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
