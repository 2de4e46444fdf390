import CoachServer
import CoachVoice
import Coaching
import Foundation
import Testing
import TestSupport
import Voice

/// Turkish end to end over the socket: a real server with the real voice, a client whose
/// `hello` says `"language": "tr"` and `"voice": true`. The synthesised stint brakes 20 m early
/// into the second corner; the driver must get the advice in Turkish ("Viraj 2: 20 metre daha
/// geç frenle"), with a clip spoken from the Turkish words (its id is the Turkish phrase's)
/// that opusinfo/opusdec accept and that is not silent.
@Suite(.enabled(if: OpusTools.available, "opusinfo/opusdec not installed (apt-get install opus-tools)"))
struct EndToEndTurkishVoiceTests {
    @Test func aTurkishDriverHearsTurkishCuesWithValidClips() async throws {
        let voice = PhraseCacheVoice(cache: PhraseCache(renderer: VoiceRenderer(), capacityBytes: 4 << 20))
        let messages = try await EndToEndVoiceTests.streamStint(voiceInHello: true, voice: voice, language: "tr")
        let texts: [EndToEndReply] = messages.compactMap { if case .text(let reply, _) = $0 { reply } else { nil } }
        #expect(texts.filter { $0.type == "error" }.isEmpty, "\(texts.filter { $0.type == "error" }.map { $0.message ?? "" })")
        let cues = texts.filter { $0.type == "cue" }
        #expect(!cues.isEmpty)
        for cue in cues {
            let text = try #require(cue.text)
            #expect(text.hasPrefix("Viraj "), "not Turkish: \(text)")
            for english in ["Turn", "metres", "brake", "slow", "apex"] { #expect(!text.contains(english), "English in: \(text)") }
        }
        let approach = try #require(cues.first { $0.kind == "anticipatory" && $0.topic == "brake_point" }, "\(cues.map { $0.text ?? "" })")
        #expect(approach.text?.hasSuffix("metre daha geç frenle") == true, "\(approach.text ?? "")")

        // Every clip follows its cue, checks out as a documented Ogg Opus message, and is the
        // rendering of the cue's Turkish spoken words.
        var checked = 0
        for (index, message) in messages.enumerated() {
            guard case .text(let cue, _) = message, cue.type == "cue", let clip = cue.clip, index + 1 < messages.count,
                  case .binary(let bytes) = messages[index + 1]
            else { continue }
            try EndToEndVoiceTests.checkClipMessage(bytes, cueID: try #require(cue.id), clip: clip)
            let spoken = CuePhrasebook(language: .turkish).spokenText(try #require(cue.text))
            #expect(clip.id == voice.cache.key(for: spoken, language: "tr").clipID, "the clip is not the Turkish phrase \(spoken)")
            #expect(!spoken.contains { $0.isNumber }, "numbers are spoken as Turkish words: \(spoken)")
            checked += 1
        }
        #expect(checked >= 1, "no cue came with its clip")
    }
}
