import Foundation
import Integration
import Testing
import Voice

@testable import Discord

/// Voice cues as Discord voice messages: a real Ogg Opus clip from the Voice target, sent
/// multipart with the flag, its duration and a waveform measured by decoding it.
@Suite(.timeLimit(.minutes(1)))
struct VoiceMessageTests {
    static func clip() async throws -> VoiceClip {
        try await VoiceRenderer().render("Brake five metres later into turn five.")
    }

    @Test func theWaveformFollowsTheDecodedAudio() async throws {
        let clip = try await Self.clip()
        let audio = try VoiceMessageAudio.analyse(oggOpus: clip.bytes)
        #expect(abs(audio.duration - clip.duration) < 0.03)
        #expect(audio.waveform.count == min(256, Int((audio.duration / 0.1).rounded(.up))))
        #expect(audio.waveform.max() == 255)
        // Speech has pauses: the waveform is not flat.
        #expect(audio.waveform.min() ?? 255 < 128)
    }

    @Test func garbageIsRefusedWithAStableError() {
        #expect(throws: DiscordError.self) { try VoiceMessageAudio.analyse(oggOpus: Array("not ogg at all, no".utf8)) }
        do {
            _ = try VoiceMessageAudio.analyse(oggOpus: [0x4F, 0x67, 0x67, 0x53])
            Issue.record("a truncated page must throw")
        } catch {
            #expect(error.code == "malformed_payload")
        }
    }

    @Test(.enabled(if: DiscordFixtures.available, "needs ../shared/data/discord (absent)"))
    func aVoiceCueIsUploadedAsAVoiceMessage() async throws {
        let clip = try await Self.clip()
        try await FakeDiscord.with { fake in
            try await RunningBot.with(fake) { running in
                try await running.link("ana")
                try await running.repository.follow(.init(guildID: RunningBot.guild, driverName: "ana", channelID: "800"))
                running.bot.feed.offer(.cue(CueEvent(
                    driverName: "ana", sessionID: "s", lapNumber: 4, cornerNumber: 5, text: "Brake later into five", severity: 3,
                    voiceClip: Data(clip.bytes), voiceDuration: clip.duration)))
                try await eventually("voice message posted") { await fake.rest.messages(in: "800").contains { !$0.files.isEmpty } }
                let voice = try #require(await fake.rest.messages(in: "800").first { !$0.files.isEmpty })
                let payload = voice.payloadObject
                #expect(payload["flags"] as? Int == 1 << 13)
                #expect(payload["content"] == nil)
                #expect(payload["embeds"] == nil)
                let attachment = try #require((payload["attachments"] as? [[String: Any]])?.first)
                #expect(attachment["id"] as? String == "0")
                let duration = try #require(attachment["duration_secs"] as? Double)
                #expect(abs(duration - clip.duration) < 0.03)
                let waveform = try #require(Data(base64Encoded: attachment["waveform"] as? String ?? ""))
                #expect((1...256).contains(waveform.count))
                let file = try #require(voice.files.first)
                #expect(file.name == "files[0]")
                #expect(file.filename?.hasSuffix(".ogg") == true)
                #expect(file.contentType == "audio/ogg")
                #expect([UInt8](file.body) == clip.bytes)
                // The uploaded file is itself a valid Ogg Opus stream.
                #expect(try VoiceMessageAudio.analyse(oggOpus: [UInt8](file.body)).waveform == [UInt8](waveform))
            }
        }
    }
}
