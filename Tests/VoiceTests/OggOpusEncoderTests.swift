import TestSupport
import Testing
@testable import Voice

@Suite("OggOpusEncoder (libopusenc, checked with opus-tools)")
struct OggOpusEncoderTests {
    @Test(
        "A one-second tone becomes a 48 kHz mono Ogg Opus file that decodes to exactly one second",
        .enabled(if: OpusTools.available, "opusinfo/opusdec not installed (apt-get install opus-tools)")
    )
    func toneRoundTrip() throws {
        let tone = Signals.sine(frequency: 440, sampleRate: 48_000, seconds: 1)
        let clip = try OggOpusEncoder.encode(tone, bitrate: 32_000)
        #expect(clip.sampleRate == 48_000)
        #expect(clip.duration == 1.0)
        #expect(clip.bytes.starts(with: Array("OggS".utf8)))

        let (info, decoded) = try OpusTools.inspect(clip.bytes)
        #expect(info.channels == 1, "\(info.report)")
        #expect(info.originalSampleRate == 48_000, "\(info.report)")
        // The encoder lookahead at 48 kHz (6.5 ms for VOIP), which decoders must drop.
        #expect(info.preSkip == 312, "\(info.report)")
        let playback = try #require(info.playbackSeconds, "\(info.report)")
        #expect(abs(playback - 1.0) <= 0.001)
        // The end granule trims the padding: every input sample comes back, no more.
        #expect(decoded.count == tone.count)
        #expect(abs(Signals.upwardZeroCrossings(decoded) - 440) <= 3)
        #expect(Signals.rms(decoded) > 0.8 * Signals.rms(tone))
    }

    @Test("A higher bitrate gives a larger file for the same audio")
    func bitrateApplied() throws {
        let tone = Signals.sine(frequency: 440, sampleRate: 48_000, seconds: 1)
        let low = try OggOpusEncoder.encode(tone, bitrate: 12_000)
        let high = try OggOpusEncoder.encode(tone, bitrate: 64_000)
        #expect(high.bytes.count > 3 * low.bytes.count)
    }

    @Test("Out-of-range bitrate and empty input are stable errors")
    func badInput() {
        #expect(throws: VoiceError.invalidSetting(name: "bitrate", value: 1_000)) {
            try OggOpusEncoder.encode([0, 0, 0], bitrate: 1_000)
        }
        #expect(throws: VoiceError.invalidSetting(name: "complexity", value: 11)) {
            try OggOpusEncoder.encode([0, 0, 0], complexity: 11)
        }
        #expect(throws: VoiceError.noAudio) { try OggOpusEncoder.encode([]) }
        #expect(VoiceError.noAudio.code == "voice.no_audio")
    }
}
