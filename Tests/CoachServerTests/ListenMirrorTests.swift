import Foundation
import HTTPTypes
import HummingbirdWSClient
import NIOCore
import NIOWebSocket
import Synchronization
import Testing

@testable import CoachServer

/// The read-only mirror on a real server: a listener hears the driver's session in the live
/// protocol's shapes (clips too, though the driver's `hello` has voice off), follows the driver
/// into the next session, and is bounded in number.
@Suite struct ListenMirrorTests {
    static let cueText = "Turn 1: brake later"

    /// `count` batches of 3 frames, each with one braking frame (the fake coach's cue), from `seq`.
    static func sendCueBatches(_ outbound: WebSocketOutboundWriter, count: Int, from seq: UInt64 = 1) async throws {
        for index in 0..<UInt64(count) {
            var frames = ClientMessages.frames(3, from: Int(seq + index) * 3)
            frames[1].brake = 0.95
            try await outbound.write(.binary(ClientMessages.binaryFrames(seq: seq + index, frames)))
        }
    }

    /// Waits until the server has attached `count` listeners to alice.
    static func waitForListeners(_ server: RunningServer, _ count: Int = 1) async throws {
        let mirror = server.server.registry.listeners.mirror(for: FakeAuthenticator.alice.id)
        try await withTimeout {
            while mirror.attachedListeners != count { try await Task.sleep(for: .milliseconds(5)) }
        }
    }

    /// The driver's whole conversation: hello (voice off), `batches` cue batches, every message
    /// until the ack of the last one, then a normal close.
    static func drive(_ server: RunningServer, batches: Int) async throws -> (session: String, messages: [WebSocketMessage]) {
        let received = Mutex<(session: String, messages: [WebSocketMessage])>(("", []))
        try await LiveClient.connect(server) { reader, outbound in
            try await outbound.write(.text(ClientMessages.hello()))
            let session = try #require(try await reader.next("welcome")?.session)
            received.withLock { $0.session = session }
            try await sendCueBatches(outbound, count: batches)
            while let message = try await reader.messages.next() {
                received.withLock { $0.messages.append(message) }
                if case .text(let text) = message, text.contains(#""type":"ack""#), text.contains(#""seq":\#(batches)"#) { break }
            }
            try await outbound.close(.normalClosure, reason: nil)
        }
        return received.withLock { $0 }
    }

    @Test func aListenerHearsTheSessionWithClipsThoughTheDriversVoiceIsOff() async throws {
        let backend = TestBackend(coachFactory: FakeCoachFactory(lapEvery: 6), voice: FakeCueVoice(ready: [Self.cueText]))
        try await RunningServer.with(backend: backend) { server in
            let listener = ListenProbe(port: server.port)
            try await Self.waitForListeners(server)
            let (session, driverMessages) = try await withTimeout { try await Self.drive(server, batches: 4) }
            try await listener.wait(for: "session_ended") { $0.contains { $0.reply?.type == "session_ended" } }
            _ = try await listener.finish()

            // The driver asked for no voice: text only.
            #expect(!driverMessages.contains { if case .binary = $0 { true } else { false } })
            let messages = listener.messages
            let types = messages.map { $0.reply?.type ?? "binary" }
            #expect(types.first == "welcome")
            #expect(messages.first?.reply?.session == session)
            #expect(!types.contains("ack"), "acks are the driver's own")
            #expect(types.filter { $0 == "cue" }.count == 4)
            #expect(types.filter { $0 == "lap" }.count == 2)
            #expect(types.last == "session_ended")
            // Each cue names its clip, which follows it at once with the documented header.
            for (index, message) in messages.enumerated() {
                guard case .text(let reply, let raw) = message, reply.type == "cue" else { continue }
                #expect(raw.contains(#""clip":{"id":"\#(FakeCueVoice.clipID(for: Self.cueText))""#), "\(raw)")
                guard index + 1 < messages.count, case .binary(let bytes) = messages[index + 1] else {
                    Issue.record("no clip right after cue \(reply.id ?? 0)")
                    continue
                }
                #expect(Array(bytes[0..<4]) == [0x54, 0x42, 1, 2])
                #expect(bytes[4..<12].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == reply.id)
                #expect(Array(bytes[44...]) == FakeCueVoice.bytes(for: Self.cueText))
            }
        }
    }

    @Test func aListenerFollowsTheDriverIntoTheNextSessionAndJoinsMidSession() async throws {
        let backend = TestBackend(voice: FakeCueVoice(ready: [Self.cueText]))
        try await RunningServer.with(backend: backend) { server in
            let early = ListenProbe(port: server.port)
            try await Self.waitForListeners(server)
            let first = try await withTimeout { try await Self.drive(server, batches: 1) }.session
            try await early.wait(for: "the end of the first session") { $0.contains { $0.reply?.type == "session_ended" } }

            try await withTimeout {
                try await LiveClient.connect(server) { reader, outbound in
                    try await outbound.write(.text(ClientMessages.hello()))
                    let second = try #require(try await reader.next("welcome")?.session)
                    #expect(second != first)
                    try await early.wait(for: "the second welcome") { $0.contains { $0.reply?.session == second && $0.reply?.type == "welcome" } }
                    // A listener joining now hears the session's welcome first, then its cues.
                    let late = ListenProbe(port: server.port)
                    try await Self.waitForListeners(server, 2)
                    try await Self.sendCueBatches(outbound, count: 1)
                    _ = try await reader.next("cue")
                    try await late.wait(for: "a cue") { $0.contains { $0.reply?.type == "cue" } }
                    #expect(late.replies.first?.type == "welcome")
                    #expect(late.replies.first?.session == second)
                    _ = try await late.finish()
                    try await outbound.close(.normalClosure, reason: nil)
                }
            }
            try await early.wait(for: "the second cue") { $0.filter { $0.reply?.type == "cue" }.count == 2 }
            _ = try await early.finish()
            let welcomes = early.replies.filter { $0.type == "welcome" }.compactMap(\.session)
            #expect(welcomes == [first, welcomes.last ?? ""] && welcomes.count == 2)
        }
    }

    @Test func aClipRenderedAfterItsCueReachesListenersLate() async throws {
        let backend = TestBackend(voice: FakeCueVoice(renderDelay: .milliseconds(30), preparesAtOnce: false))
        try await RunningServer.with(backend: backend) { server in
            let listener = ListenProbe(port: server.port)
            try await Self.waitForListeners(server)
            _ = try await withTimeout { try await Self.drive(server, batches: 1) }
            try await listener.wait(for: "a late clip") { $0.contains { if case .binary = $0 { true } else { false } } }
            _ = try await listener.finish()
            let messages = listener.messages
            let cue = try #require(messages.first { $0.reply?.type == "cue" })
            guard case .text(let reply, let raw) = cue else { return }
            #expect(raw.contains(#""clip":null"#))
            let clip = try #require(messages.compactMap { if case .binary(let bytes) = $0 { bytes } else { nil } }.first)
            #expect(clip[4..<12].reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) } == reply.id, "the late clip names its cue")
        }
    }

    @Test func listenersPerDriverAreBounded() async throws {
        try await RunningServer.with(configure: { $0.listen.maxListenersPerDriver = 1 }) { server in
            let first = ListenProbe(port: server.port)
            try await Self.waitForListeners(server)
            let second = ListenProbe(port: server.port)
            let close = try await second.closedByServer()
            #expect(close?.closeCode == .policyViolation)
            #expect(second.replies.first?.code == "too_many_listeners")
            _ = try await first.finish()
            try await Self.waitForListeners(server, 0)
            let third = ListenProbe(port: server.port)
            try await Self.waitForListeners(server)
            _ = try await third.finish()
        }
    }
}
