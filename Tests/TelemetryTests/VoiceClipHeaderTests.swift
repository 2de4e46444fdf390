import Testing

@testable import Telemetry

/// The voice-clip header is a wire contract: its bytes are pinned to docs/protocol.md's table.
@Suite struct VoiceClipHeaderTests {
    let header = VoiceClipHeader(
        cueID: 0x0102_0304_0506_0708, clipID: "00ff00ff00ff00ff", sampleRate: 48_000, durationSamples: 96_000,
        payloadLength: 3)

    @Test func bytesFollowTheDocumentedLayout() throws {
        let bytes = try #require(header.encoded())
        #expect(bytes.count == 44)
        #expect(Array(bytes[0..<4]) == [0x54, 0x42, 1, 2])
        #expect(Array(bytes[4..<12]) == [8, 7, 6, 5, 4, 3, 2, 1], "cue id, little-endian")
        #expect(String(decoding: bytes[12..<28], as: UTF8.self) == "00ff00ff00ff00ff")
        #expect(Array(bytes[28..<32]) == [1, 1, 0, 0], "Ogg Opus, mono, reserved")
        #expect(Array(bytes[32..<36]) == [0x80, 0xBB, 0, 0], "48000")
        #expect(Array(bytes[36..<40]) == [0x00, 0x77, 0x01, 0], "96000 samples")
        #expect(Array(bytes[40..<44]) == [3, 0, 0, 0])
        let parsed = try VoiceClipHeader(parsing: bytes + [1, 2, 3])
        #expect(parsed == header)
        #expect(parsed.duration == 2)
    }

    @Test func clipIDsThatAreNotSixteenASCIICharactersAreNotEncoded() {
        for id in ["short", "00ff00ff00ff00ffXX", "00ff00ff00ff00fé"] {
            var bad = header
            bad.clipID = id
            #expect(bad.encoded() == nil, "\(id)")
        }
    }

    @Test func damagedMessagesGetTheirOwnError() throws {
        let good = try #require(header.encoded()) + [1, 2, 3]
        func damaged(_ index: Int, _ value: UInt8) -> [UInt8] {
            var bytes = good
            bytes[index] = value
            return bytes
        }
        #expect(throws: VoiceClipHeaderError.tooShort(43)) { try VoiceClipHeader(parsing: good.prefix(43)) }
        #expect(throws: VoiceClipHeaderError.badMagic) { try VoiceClipHeader(parsing: damaged(0, 0x55)) }
        #expect(throws: VoiceClipHeaderError.unsupportedVersion(2)) { try VoiceClipHeader(parsing: damaged(2, 2)) }
        #expect(throws: VoiceClipHeaderError.notAVoiceClip(kind: 1)) { try VoiceClipHeader(parsing: damaged(3, 1)) }
        #expect(throws: VoiceClipHeaderError.unknownCodec(9)) { try VoiceClipHeader(parsing: damaged(28, 9)) }
        #expect(throws: VoiceClipHeaderError.badClipID) { try VoiceClipHeader(parsing: damaged(12, 0xC3)) }
        #expect(throws: VoiceClipHeaderError.lengthMismatch(declared: 3, actual: 4)) {
            try VoiceClipHeader(parsing: good + [4])
        }
    }
}
