import TestSupport
import Testing
@testable import Voice

@Suite("VoiceRenderer (espeak-ng to Ogg Opus, checked with opus-tools)")
struct VoiceRendererTests {
    @Test(
        "An English cue is valid 48 kHz mono Ogg Opus whose decoded audio is speech-loud and as long as reported",
        .enabled(if: OpusTools.available, "opusinfo/opusdec not installed (apt-get install opus-tools)")
    )
    func englishCue() async throws {
        let clip = try await VoiceRenderer().render("Brake ten metres later into turn three")
        try checkDecodes(clip)
        #expect(clip.duration > 1.0 && clip.duration < 5.0)
    }

    @Test(
        "A Turkish cue with ç ğ ı ö ş ü is spoken, not skipped",
        .enabled(if: OpusTools.available, "opusinfo/opusdec not installed (apt-get install opus-tools)")
    )
    func turkishCue() async throws {
        let renderer = VoiceRenderer(settings: SpeechSettings(language: "tr"))
        let clip = try await renderer.render("Viraj üç: frene on metre geç bas, çıkışta gazı erken aç")
        try checkDecodes(clip)
        // Eleven words at 185 words per minute: anything under 1.5 s means text was dropped.
        #expect(clip.duration > 1.5)
    }

    @Test("Speaking rate is applied: the same text at 120 wpm is much longer than at 300 wpm")
    func rateApplied() async throws {
        let text = "Brake ten metres later into turn three"
        let slow = try await SpeechSynthesizer.shared.synthesize(text, settings: SpeechSettings(wordsPerMinute: 120))
        let fast = try await SpeechSynthesizer.shared.synthesize(text, settings: SpeechSettings(wordsPerMinute: 300))
        #expect(slow.sampleRate == 22_050)
        #expect(slow.duration > 1.5 * fast.duration)
    }

    @Test("The language setting selects the voice: Turkish and English read the same letters differently")
    func languageApplied() async throws {
        let text = "Viraj üç, gazı erken aç"
        let turkish = try await SpeechSynthesizer.shared.synthesize(text, settings: SpeechSettings(language: "tr"))
        let english = try await SpeechSynthesizer.shared.synthesize(text, settings: SpeechSettings(language: "en"))
        // Different phoneme rules give different timing; compare lengths (espeak adds random
        // noise to fricatives, so sample-exact comparisons would prove nothing).
        #expect(turkish.samples.count != english.samples.count)
    }

    @Test("A language espeak-ng has no voice for is a stable error")
    func unknownLanguage() async {
        await #expect(throws: VoiceError.unknownLanguage("zzq")) {
            try await SpeechSynthesizer.shared.synthesize("turn three", settings: SpeechSettings(language: "zzq"))
        }
    }

    @Test("Bad text and settings are stable errors")
    func badInput() async {
        let synthesizer = SpeechSynthesizer.shared
        await #expect(throws: VoiceError.emptyText) { try await synthesizer.synthesize("  \n ") }
        await #expect(throws: VoiceError.textContainsNul) { try await synthesizer.synthesize("turn\u{0}three") }
        let long = String(repeating: "a", count: SpeechSettings.maximumTextLength + 1)
        await #expect(throws: VoiceError.textTooLong(bytes: SpeechSettings.maximumTextLength + 1)) {
            try await synthesizer.synthesize(long)
        }
        await #expect(throws: VoiceError.invalidSetting(name: "wordsPerMinute", value: 10)) {
            try await synthesizer.synthesize("turn three", settings: SpeechSettings(wordsPerMinute: 10))
        }
        await #expect(throws: VoiceError.unknownLanguage("en; rm")) {
            try await synthesizer.synthesize("turn three", settings: SpeechSettings(language: "en; rm"))
        }
        #expect(VoiceError.emptyText.code == "voice.empty_text")
    }

    @Test("Time to synthesise, resample and encode a two-second cue (printed)")
    func timing() async throws {
        let text = "Brake ten metres later into turn three"
        let settings = SpeechSettings()
        _ = try await VoiceRenderer().render(text)  // warm-up: espeak start-up and dictionary load
        let clock = ContinuousClock()
        var synth: [Duration] = [], resample: [Duration] = [], encode: [Duration] = [], encodeCx5: [Duration] = []
        var audioSeconds = 0.0
        for _ in 0..<5 {
            let t0 = clock.now
            let speech = try await SpeechSynthesizer.shared.synthesize(text, settings: settings)
            let t1 = clock.now
            let resampled = try Resampler.resample(speech, to: 48_000)
            let t2 = clock.now
            let clip = try OggOpusEncoder.encode(resampled.samples)
            let t3 = clock.now
            _ = try OggOpusEncoder.encode(resampled.samples, complexity: 5)
            let t4 = clock.now
            synth.append(t1 - t0); resample.append(t2 - t1); encode.append(t3 - t2); encodeCx5.append(t4 - t3)
            audioSeconds = clip.duration
        }
        func median(_ values: [Duration]) -> Duration { values.sorted()[values.count / 2] }
        print("voice timing (\(audioSeconds) s of audio, median of 5): synth \(median(synth)), "
            + "resample \(median(resample)), encode VOIP cx10 \(median(encode)), cx5 \(median(encodeCx5))")
        #expect(audioSeconds > 1.0)
    }

    private func checkDecodes(_ clip: VoiceClip) throws {
        try ClipChecks.expectSpeech(clip)
    }
}
