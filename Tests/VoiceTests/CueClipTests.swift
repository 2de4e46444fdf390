import TestSupport
import Coaching
import Testing
import Voice

/// Every kind of clip the server sends (approach advice and feedback, on every topic, in English
/// and Turkish, spoken from `CuePhrasebook.spokenText`), rendered through the cache as the server
/// does and checked with opusinfo/opusdec.
@Suite(
    "Cue clips decode with opus-tools",
    .enabled(if: OpusTools.available, "opusinfo/opusdec not installed (apt-get install opus-tools)"))
struct CueClipTests {
    /// Advice topics: a team message is relayed as sent, never worded from advice.
    static let topics = Cue.Topic.allCases.filter { $0 != .teamMessage }

    @Test(arguments: CueLanguage.allCases)
    func everyCueKindDecodesAsSpeech(language: CueLanguage) async throws {
        let book = CuePhrasebook(language: language)
        let cache = PhraseCache(renderer: VoiceRenderer(), capacityBytes: 8 << 20)
        for topic in Self.topics {
            let advice = CueAdvice(topic: topic, amount: -12, referenceGear: 3)
            let texts = [
                book.anticipatory(cornerNumber: 7, cornerName: nil, advice: advice).text,
                book.feedback(cornerNumber: 7, cornerName: nil, advice: [advice]).text,
            ]
            for text in texts {
                let spoken = book.spokenText(text)
                let phrase = try await cache.phrase(spoken, language: language.rawValue)
                try ClipChecks.expectSpeech(phrase.clip, spoken)
                // About 2.5 words a second at the default rate: a clip much shorter lost words.
                let words = spoken.split(separator: " ").count
                #expect(phrase.clip.duration > Double(words) * 0.2, "\(spoken): \(phrase.clip.duration) s")
            }
        }
    }

    /// ç ğ ı ö ş ü are letters espeak-ng's Turkish voice speaks: the same sentence with them
    /// removed is clearly shorter. (Were they dropped as unknown characters, both would match.)
    @Test func turkishLettersAreSpoken() async throws {
        let renderer = VoiceRenderer(settings: SpeechSettings(language: "tr"))
        let full = "çığ öşü çöğüş ığış"
        let stripped = String(full.filter { !"çğıöşü".contains($0) })
        #expect(stripped == "   ")
        let withLetters = try await renderer.render("Viraj üç: \(full), gazı erken aç")
        let without = try await renderer.render("Viraj üç: , gazı erken aç")
        try ClipChecks.expectSpeech(withLetters)
        // 14 of the six letters (ğ only lengthens a vowel), most a phoneme of 60-100 ms: about 1.4 s.
        #expect(withLetters.duration - without.duration > 0.8, "\(withLetters.duration) vs \(without.duration)")
    }

    @Test func aVoiceVariantChangesTheSoundAndTheKey() async throws {
        let plain = VoiceRenderer()
        var variant = VoiceRenderer()
        variant.settings.variant = "f2"
        #expect(plain.voice != variant.voice)
        let clip = try await variant.render("Turn three: brake later", language: "en")
        try ClipChecks.expectSpeech(clip)
        await #expect(throws: VoiceError.unknownVoice("; rm")) {
            var bad = VoiceRenderer()
            bad.settings.variant = "; rm"
            _ = try await bad.render("Turn three", language: "en")
        }
    }
}
