import Foundation

/// Sends an Ogg Opus clip as a Discord voice message: one multipart request (`payload_json`
/// and `files[0]`) with the voice-message flag (1 << 13), and the attachment's `duration_secs`
/// and `waveform` measured from the audio itself. A voice message carries no text or embeds.
enum VoiceMessage {
    static let filename = "voice-message.ogg"

    static func payload(for audio: VoiceMessageAudio) -> MessagePayload {
        MessagePayload(
            flags: MessagePayload.Flag.isVoiceMessage,
            attachments: [
                AttachmentPayload(id: "0", filename: filename, durationSecs: audio.duration, waveform: audio.waveformBase64)
            ])
    }

    static func send(_ clip: Data, to channel: String, rest: DiscordREST) async throws {
        let audio = try VoiceMessageAudio.analyse(oggOpus: [UInt8](clip))
        try await rest.createMessage(
            channel: channel, payload(for: audio), files: [(filename: filename, contentType: "audio/ogg", bytes: clip)])
    }
}
