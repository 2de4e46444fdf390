import Foundation
import Synchronization
import HummingbirdWSClient
import NIOCore
import Testing

@testable import CoachServer

/// The live socket with a fake voice: a ready clip follows its cue as the documented binary
/// message, a clip not ready never holds the cue back, and voice off means no binary at all.
@Suite struct LiveVoiceTests {
    static let cueText = "Turn 1: brake later"

    static func hello(voice: Bool) -> String {
        ClientMessages.hello().replacingOccurrences(of: #""voice":false"#, with: #""voice":\#(voice)"#)
    }

    /// Two batches, each with one braking frame: the fake coach says the same cue for each.
    static func sendTwoCues(_ outbound: WebSocketOutboundWriter) async throws {
        for seq in 1...2 {
            var frames = ClientMessages.frames(3, from: seq * 3)
            frames[1].brake = 0.95
            try await outbound.write(.binary(ClientMessages.binaryFrames(seq: UInt64(seq), frames)))
        }
    }

    /// `hello` with `voice`, two cue-causing batches, then every message until the ack of
    /// batch 2, raw and in order (`ReplyReader` would skip the binary ones).
    static func conversation(backend: TestBackend, voice: Bool) async throws -> [WebSocketMessage] {
        let received = ReceivedMessages()
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(Self.hello(voice: voice)))
                    _ = try await reader.next("welcome")
                    try await sendTwoCues(outbound)
                    while let message = try await reader.messages.next() {
                        received.list.withLock { $0.append(message) }
                        if case .text(let text) = message, text.contains(#""type":"ack""#), text.contains(#""seq":2"#) { break }
                    }
                }
            }
        }
        return received.list.withLock { $0 }
    }

    @Test func aReadyClipFollowsItsCueAndAClipNotReadyNeverHoldsTheCueBack() async throws {
        let voice = FakeCueVoice()
        let backend = TestBackend(voice: voice)
        let messages = try await Self.conversation(backend: backend, voice: true)
        let cues = messages.enumerated().compactMap { index, message -> (Int, String)? in
            guard case .text(let text) = message, text.contains(#""type":"cue""#) else { return nil }
            return (index, text)
        }
        try #require(cues.count == 2)
        // First time: text only, at once; the voice was asked (and renders for next time).
        #expect(cues[0].1.contains(#""clip":null"#))
        if case .binary = messages[cues[0].0 + 1] { Issue.record("a binary message followed a cue without a clip") }
        // Second time: the clip is named in the cue and follows it.
        let id = FakeCueVoice.clipID(for: Self.cueText)
        let cue = try #require(try JSONSerialization.jsonObject(with: Data(cues[1].1.utf8)) as? [String: Any])
        let clip = try #require(cue["clip"] as? [String: Any], "\(cues[1].1)")
        #expect(clip["id"] as? String == id && clip["duration"] as? Double == FakeCueVoice.duration)
        guard case .binary(var buffer) = messages[cues[1].0 + 1] else {
            Issue.record("no binary message after the cue with a clip")
            return
        }
        let bytes = buffer.readBytes(length: buffer.readableBytes) ?? []
        #expect(bytes == Self.expectedMessage(cueID: 2, clipID: id, samples: 60_000, payload: FakeCueVoice.bytes(for: Self.cueText)))
        #expect(voice.asked == [Self.cueText, Self.cueText])
        #expect(messages.filter { if case .binary = $0 { true } else { false } }.count == 1)
    }

    @Test func aClipRenderedInTimeFollowsItsTextOnlyCueNamingIt() async throws {
        let messages = try await Self.lateConversation(renderDelay: .milliseconds(50))
        let firstCue = try #require(messages.firstIndex { if case .text(let text) = $0 { text.contains(#""type":"cue""#) } else { false } })
        guard case .text(let cueText) = messages[firstCue] else { return }
        #expect(cueText.contains(#""clip":null"#), "the cue did not wait for its voice")
        let clips = messages[firstCue...].compactMap { message -> [UInt8]? in
            guard case .binary(var buffer) = message else { return nil }
            return buffer.readBytes(length: buffer.readableBytes)
        }
        let id = FakeCueVoice.clipID(for: Self.cueText)
        let late = Self.expectedMessage(cueID: 1, clipID: id, samples: 60_000, payload: FakeCueVoice.bytes(for: Self.cueText))
        #expect(clips.contains(late), "the late clip names cue 1 in its header")
    }

    @Test func aClipThatIsNotReadyWithinTheWindowIsNeverSent() async throws {
        let messages = try await Self.lateConversation(renderDelay: LiveSession.lateClipWindow + .milliseconds(500))
        let lateClips = messages.filter { message in
            guard case .binary(var buffer) = message, let bytes = buffer.readBytes(length: buffer.readableBytes) else { return false }
            return bytes.count > 12 && bytes[4] == 1  // cue id 1: the first cue, which went out as text
        }
        #expect(lateClips.isEmpty)
    }

    /// One cue with a voice that renders on demand, then every message until well past the
    /// late-clip window.
    static func lateConversation(renderDelay: Duration) async throws -> [WebSocketMessage] {
        let backend = TestBackend(voice: FakeCueVoice(renderDelay: renderDelay))
        let received = ReceivedMessages()
        try await RunningServer.with(backend: backend) { server in
            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(Self.hello(voice: true)))
                    _ = try await reader.next("welcome")
                    var frames = ClientMessages.frames(3, from: 3)
                    frames[1].brake = 0.95
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 1, frames)))
                    // Wait past the window (a late clip would arrive meanwhile), then a quiet
                    // batch whose ack closes the conversation: everything before it is read.
                    try await Task.sleep(for: LiveSession.lateClipWindow + .milliseconds(800))
                    try await outbound.write(.binary(ClientMessages.binaryFrames(seq: 2, ClientMessages.frames(3, from: 6))))
                    while let message = try await reader.messages.next() {
                        received.list.withLock { $0.append(message) }
                        if case .text(let text) = message, text.contains(#""type":"ack""#), text.contains(#""seq":2"#) { break }
                    }
                }
            }
        }
        return received.list.withLock { $0 }
    }

    @Test func voiceOffInHelloSendsNoClipsAndAsksNoVoice() async throws {
        let voice = FakeCueVoice(ready: [Self.cueText])
        let messages = try await Self.conversation(backend: TestBackend(voice: voice), voice: false)
        let cueTexts = messages.compactMap { message -> String? in
            guard case .text(let text) = message, text.contains(#""type":"cue""#) else { return nil }
            return text
        }
        #expect(cueTexts.count == 2 && cueTexts.allSatisfy { $0.contains(#""clip":null"#) })
        #expect(!messages.contains { if case .binary = $0 { true } else { false } })
        #expect(voice.asked.isEmpty)
    }

    @Test func clipsTheHeaderCannotDescribeAreNotSent() {
        let clip = CueClip(id: "0123456789abcdef", duration: 1, sampleRate: 48_000, oggOpus: [1, 2, 3])
        #expect(VoiceClipMessage.encode(cueID: 1, clip: clip)?.count == 47)
        var shortID = clip
        shortID.id = "0123"
        var nonASCII = clip
        nonASCII.id = "0123456789abcdeé"
        var badDuration = clip
        badDuration.duration = .nan
        var hugeDuration = clip
        hugeDuration.duration = 1e9
        for bad in [shortID, nonASCII, badDuration, hugeDuration] { #expect(VoiceClipMessage.encode(cueID: 1, clip: bad) == nil) }
    }

    /// The header written out by hand from the table in docs/protocol.md.
    static func expectedMessage(cueID: UInt64, clipID: String, samples: UInt32, payload: [UInt8]) -> [UInt8] {
        func le<T: FixedWidthInteger>(_ value: T) -> [UInt8] { (0..<T.bitWidth / 8).map { UInt8(truncatingIfNeeded: value >> ($0 * 8)) } }
        return [0x54, 0x42, 1, 2] + le(cueID) + Array(clipID.utf8) + [1, 1, 0, 0] + le(UInt32(48_000)) + le(samples)
            + le(UInt32(payload.count)) + payload
    }
}

/// Messages collected inside the client's closure, read after it.
private final class ReceivedMessages: Sendable {
    let list = Mutex<[WebSocketMessage]>([])
}
