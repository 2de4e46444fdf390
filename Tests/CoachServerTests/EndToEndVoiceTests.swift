import CoachServer
import CoachVoice
import Coaching
import LapSynthesis
import Foundation
import NIOCore
import Telemetry
import Testing
import TestSupport
import Voice

/// Voice over the real server: a synthesised stint braking 20 m early into the second corner on
/// laps 2-4 gets an approach cue on lap 4 whose clip (rendered when the cue was planned, at the end of
/// lap 3) follows it on the socket as a binary message with the documented header, and decodes
/// with opusdec. The same stint with voice off in `hello` gets no binary message at all.
@Suite(.enabled(if: OpusTools.available, "opusinfo/opusdec not installed (apt-get install opus-tools)"))
struct EndToEndVoiceTests {
    static let corner = 2
    static let track = SyntheticTrack.testCircuit
    static let car = CarProfile.gt4

    struct Stint {
        let session: SyntheticSession
        let library: ReferenceLibrary
        /// Up to shortly after lap 4 starts (lap 3's end plans the approach cue), then the rest.
        let phases: [[ByteBuffer]]
    }

    static func stint() throws -> Stint {
        let session = LapSynthesizer.frames(
            track: track, car: car, laps: 5, mistakes: [2, 3, 4].map { .brakeEarly(corner: corner, lap: $0, metres: 20) })
        let map = TrackSegmenter.trackMap(for: session.reference, track: track.descriptor)
        let batches = EndToEndFrameEncoder(for: session.frames).batches(session.frames, size: 6)
        let lap4 = try #require(session.frames.firstIndex { $0.lapNumber == 4 })
        let split = lap4 / 6 + 2
        return Stint(
            session: session, library: ReferenceLibrary(entries: [.init(reference: session.reference, trackMap: map)]),
            phases: [Array(batches[..<split]), Array(batches[split...])])
    }

    static func hello(voice: Bool, language: String = "en") throws -> String {
        let object: [String: Any] = [
            "type": "hello", "protocol": 1, "sim": "synthetic",
            "track": ["name": track.descriptor.name, "config": track.descriptor.configuration, "length": track.descriptor.length],
            "car": car.name, "session": "practice", "language": language, "voice": voice, "codec": "binary",
        ]
        return String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self)
    }

    @Test func anApproachCueArrivesWithItsClipAsADocumentedBinaryMessage() async throws {
        let voice = PhraseCacheVoice(cache: PhraseCache(renderer: VoiceRenderer(), capacityBytes: 4 << 20))
        let messages = try await Self.streamStint(voiceInHello: true, voice: voice)
        let texts: [EndToEndReply] = messages.compactMap { message in
            if case .text(let reply, _) = message { reply } else { nil }
        }
        let errors = texts.filter { $0.type == "error" }.map { $0.message ?? "" }
        #expect(errors.isEmpty, "\(errors)")
        let cues = texts.filter { $0.type == "cue" }
        let approach = try #require(
            cues.first { $0.kind == "anticipatory" && $0.topic == "brake_point" },
            "no approach cue: \(cues.map { $0.text ?? "" })")
        let clip = try #require(approach.clip, "the approach cue was planned a lap ahead; its clip must be ready")
        #expect(approach.text?.hasSuffix("metres later") == true, "\(approach.text ?? "")")

        // Every cue with a clip is followed at once by its binary message. Any other binary
        // message is a late clip: its header names a cue sent earlier without a clip.
        var checked = 0
        var cuesSoFar: [UInt64: EndToEndReply] = [:]
        for (index, message) in messages.enumerated() {
            switch message {
            case .text(let reply, _) where reply.type == "cue":
                if let id = reply.id { cuesSoFar[id] = reply }
                guard reply.clip != nil else { continue }
                guard case .binary(let bytes) = messages[safe: index + 1] else {
                    Issue.record("cue \(reply.id ?? 0) names clip \(reply.clip?.id ?? "") but no binary message follows it")
                    continue
                }
                try Self.checkClipMessage(bytes, cueID: try #require(reply.id), clip: try #require(reply.clip))
                checked += 1
            case .binary(let bytes):
                if case .text(let reply, _) = messages[safe: index - 1], reply.clip != nil { continue }
                let cueID = bytes.count >= 12 ? (4..<12).reversed().reduce(UInt64(0)) { $0 << 8 | UInt64(bytes[$1]) } : 0
                guard let cue = cuesSoFar[cueID], cue.clip == nil else {
                    Issue.record("a binary message naming cue \(cueID), which was not sent earlier without a clip")
                    continue
                }
            default: continue
            }
        }
        #expect(checked >= 1)
        #expect(clip.id.count == 16)
    }

    @Test func voiceOffInHelloMeansNoBinaryMessages() async throws {
        let voice = PhraseCacheVoice(cache: PhraseCache(renderer: VoiceRenderer(), capacityBytes: 4 << 20))
        let messages = try await Self.streamStint(voiceInHello: false, voice: voice)
        let cues = messages.compactMap { if case .text(let reply, _) = $0, reply.type == "cue" { reply } else { nil } }
        #expect(cues.contains { $0.kind == "anticipatory" }, "the stint must still be coached")
        #expect(cues.allSatisfy { $0.clip == nil })
        #expect(!messages.contains { if case .binary = $0 { true } else { false } })
        #expect(voice.cache.statistics.renders == 0, "nothing is rendered for a driver who did not ask for voice")
        #expect(messages.contains { if case .text(_, let raw) = $0 { raw.contains(#""clip":null"#) } else { false } })
    }

    /// Streams the stint to a real server with `voice`; between the phases it lets the voice
    /// finish what it is rendering, as the minute of driving a real lap takes would.
    static func streamStint(
        voiceInHello: Bool, voice: PhraseCacheVoice, language: String = "en"
    ) async throws -> [EndToEndVoiceClient.Message] {
        let stint = try stint()
        let hello = try hello(voice: voiceInHello, language: language)
        return try await EndToEndServer.with(library: stint.library, voice: voice) { server in
            let client = EndToEndVoiceClient(url: server.liveURL, token: server.token)
            return try await withTimeout(seconds: 90) {
                try await client.stream(hello: hello, phases: stint.phases) {
                    while voice.cache.statistics.pending > 0 { try await Task.sleep(for: .milliseconds(20)) }
                }
            }
        }
    }

    /// The header exactly as docs/protocol.md lays it out, read by hand; then the Ogg Opus file
    /// through opusinfo/opusdec.
    static func checkClipMessage(_ bytes: [UInt8], cueID: UInt64, clip: EndToEndReply.Clip) throws {
        try #require(bytes.count > 44)
        func u32(_ at: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(bytes[at + $1]) << (8 * $1) } }
        func u64(_ at: Int) -> UInt64 { (0..<8).reduce(0) { $0 | UInt64(bytes[at + $1]) << (8 * $1) } }
        #expect(Array(bytes[0..<4]) == [0x54, 0x42, 1, 2], "magic TB, version 1, kind 2 (voice clip)")
        #expect(u64(4) == cueID)
        #expect(String(decoding: bytes[12..<28], as: UTF8.self) == clip.id)
        #expect(Array(bytes[28..<32]) == [1, 1, 0, 0], "codec 1 (Ogg Opus), 1 channel, reserved")
        #expect(u32(32) == 48_000)
        let headerSeconds = Double(u32(36)) / 48_000
        #expect(abs(headerSeconds - clip.duration) < 0.001)
        #expect(Int(u32(40)) == bytes.count - 44)
        let ogg = Array(bytes[44...])
        #expect(ogg.starts(with: Array("OggS".utf8)))
        let (info, decoded) = try OpusTools.inspect(ogg)
        #expect(info.originalSampleRate == 48_000 && info.channels == 1, "\(info.report)")
        let decodedSeconds = Double(decoded.count) / 48_000
        #expect(abs(decodedSeconds - clip.duration) <= 0.020, "decoded \(decodedSeconds) s, message says \(clip.duration) s")
        #expect(Signals.rms(decoded) > 300, "the clip is silent")
    }
}

extension Array {
    fileprivate subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
