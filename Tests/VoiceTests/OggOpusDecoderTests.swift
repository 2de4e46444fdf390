import TestSupport
import Testing
import Voice

@Suite("Reading Ogg Opus clips back (OggPacketReader, OggOpusDecoder)")
struct OggOpusDecoderTests {
    /// One Ogg page (RFC 3533) holding `segments` (lacing values and their bytes), CRC left zero:
    /// the reader does not check it.
    static func page(_ segments: [[UInt8]], continued: Bool = false) -> [UInt8] {
        var header: [UInt8] = Array("OggS".utf8) + [0, continued ? 1 : 0]
        header += [UInt8](repeating: 0, count: 20)  // granule, serial, sequence, CRC
        header.append(UInt8(segments.count))
        return header + segments.map { UInt8($0.count) } + segments.flatMap { $0 }
    }

    @Test("The encoder's one-second tone decodes to one second of the same tone")
    func toneRoundTrip() throws {
        let tone = Signals.sine(frequency: 440, sampleRate: 48_000, seconds: 1)
        let clip = try OggOpusEncoder.encode(tone, bitrate: 32_000)
        let decoded = try OggOpusDecoder.decodeMono(clip.bytes)
        // Pre-skip removed; the last packet's padding (under one 20 ms frame) is kept.
        #expect((48_000..<48_960).contains(decoded.count))
        let samples = decoded.prefix(48_000).map { Int16(max(-1, min(1, $0)) * 32_767) }
        #expect(abs(Signals.upwardZeroCrossings(samples) - 440) <= 3)
    }

    @Test("A packet continues across lacing values of 255 and across pages")
    func packetAcrossPages() throws {
        let long = [UInt8](repeating: 7, count: 255)
        let bytes = Self.page([[1, 2, 3], long]) + Self.page([[9, 9]], continued: true)
        let packets = try OggPacketReader.packets(in: bytes)
        #expect(packets == [[1, 2, 3], long + [9, 9]])
    }

    @Test("Malformed files are malformed_clip errors, never a crash")
    func malformed() {
        let head = Array("OpusHead".utf8) + [1, 3, 0, 0, 0x80, 0xBB, 0, 0, 0, 0, 0]
        let cases: [(String, [UInt8])] = [
            ("not Ogg", Array("not an ogg file at all, no magic".utf8)),
            ("page header cut", Array("OggS".utf8) + [0, 0, 0]),
            ("lacing table cut", Array(Self.page([[1, 2, 3]]).prefix(27))),
            ("segment cut", Array(Self.page([[1, 2, 3]]).dropLast())),
            ("no OpusHead", Self.page([Array("OpusTags".utf8)])),
            ("three channels", Self.page([Array(head.prefix(9)) + [3] + Array(head.dropFirst(10))])),
        ]
        for (name, bytes) in cases {
            let error = #expect(throws: VoiceError.self, "\(name)") { try OggOpusDecoder.decodeMono(bytes) }
            #expect(error?.code == "voice.malformed_clip", "\(name): \(String(describing: error))")
        }
    }
}
