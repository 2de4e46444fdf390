import CoachServer
import Coaching
import Foundation
import NIOCore
import NIOPosix
import Synchronization
import Testing

@testable import CoachServer

/// A listener that falls behind never slows its driver: its socket's bounded outbound queue
/// drops deltas and clips, and the socket layer closes it (4013 `listener_too_slow`) when it takes
/// nothing for `listen.slow_listener_seconds` or a cue does not fit its queue. A listener that
/// far behind cannot read the close frame either: its connection is closed with it.
@Suite(.serialized) struct ListenSlowListenerTests {
    /// Every cue has a large clip ready, so a listener's socket fills within a few seconds.
    struct LargeClipVoice: CueVoice {
        static let clip = CueClip(id: "00000000000000aa", duration: 2, sampleRate: 48_000, oggOpus: Array(repeating: 0x4F, count: 48_000))
        func readyClip(for text: String, language: CueLanguage) -> CueClip? { Self.clip }
        func speakingTime(of text: String, language: CueLanguage) -> Double? { nil }
        func prepare(_ text: String, language: CueLanguage) {}
    }

    /// Streams `batches` cue batches as fast as the socket takes them; returns how long it took
    /// until every cue and the last ack arrived, and how many cues did.
    static func drive(_ server: RunningServer, batches: Int = 300) async throws -> (elapsed: Duration, cues: Int) {
        try await withTimeout(seconds: 60) {
            let result = Mutex<(Duration, Int)>((.zero, 0))
            try await LiveClient.connectAfterWelcome(server) { reader, outbound in
                let start = ContinuousClock.now
                try await ListenMirrorTests.sendCueBatches(outbound, count: batches)
                var cues = 0
                while let reply = try await reader.next(), !(reply.type == "ack" && reply.seq == UInt64(batches)) {
                    if reply.type == "cue" { cues += 1 }
                }
                result.withLock { $0 = (ContinuousClock.now - start, cues) }
                try await outbound.close(.normalClosure, reason: nil)
            }
            return result.withLock { $0 }
        }
    }

    /// The stuck listener's end: the server let go of it as a slow client, and its connection ends.
    static func expectCutOff(_ stuck: StuckListener, _ server: RunningServer) async throws {
        try await ListenMirrorTests.waitForListeners(server, 0)
        let received = try await withTimeout(seconds: 20) { try await stuck.readUntilClosed() }
        #expect(StuckListener.opcodes(in: received).contains(0x2), "it got some clips before it stalled")
        let metrics = server.server.metrics.exposition()
        #expect(metrics.contains("trailbrake_listeners_closed_slow_total 1"), "\(metrics.split(separator: "\n").filter { $0.contains("listen") })")
    }

    @Test func aListenerThatStopsReadingIsCutAndNeverSlowsTheDriver() async throws {
        let backend = TestBackend(voice: LargeClipVoice())
        // A queue too large to fill: only the time its socket takes nothing finds this listener behind.
        try await RunningServer.with(backend: backend, configure: { configuration in
            configuration.listen.queueBytes = 67_108_864
            configuration.listen.slowListenerSeconds = 0.5
        }) { server in
            let alone = try await Self.drive(server)
            #expect(alone.cues == 300)

            let stuck = try await StuckListener.connect(port: server.port)
            try await ListenMirrorTests.waitForListeners(server)
            let watched = try await Self.drive(server)
            #expect(watched.cues == 300, "the driver got every cue")
            // Generous for a loaded 2-core machine; a driver waiting on its listener would take
            // as long as the listener (forever).
            #expect(watched.elapsed < alone.elapsed * 4 + .seconds(2), "alone \(alone.elapsed), with a stuck listener \(watched.elapsed)")
            try await Self.expectCutOff(stuck, server)
        }
    }

    @Test func aListenerWhoseQueueCannotTakeACueIsClosed() async throws {
        let backend = TestBackend(voice: LargeClipVoice())
        // The smallest queue and a slow-listener time never reached: only the queue can find it behind.
        try await RunningServer.with(backend: backend, configure: { configuration in
            configuration.listen.queueBytes = 65_536
            configuration.listen.slowListenerSeconds = 600
        }) { server in
            let stuck = try await StuckListener.connect(port: server.port)
            try await ListenMirrorTests.waitForListeners(server)
            // Clips fill the kernel's buffers, then the queue drops clips for cues until the cues alone do not fit.
            let watched = try await Self.drive(server, batches: 1_000)
            #expect(watched.cues == 1_000, "the driver got every cue")
            try await Self.expectCutOff(stuck, server)
            let metrics = server.server.metrics.exposition()
            #expect(metrics.contains(#"trailbrake_live_outbound_dropped_total{kind="voice_clip"}"#), "clips went before the listener did")
        }
    }
}

/// A listener that completes the upgrade and then reads nothing: its receive window stays
/// closed (a small buffer, no reads), as a phone whose page froze in the background would.
struct StuckListener: Sendable {
    let channel: NIOAsyncChannel<ByteBuffer, ByteBuffer>

    static func connect(port: Int) async throws -> StuckListener {
        let channel = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .channelOption(.socketOption(.so_rcvbuf), value: 8_192)
            .connect(host: "127.0.0.1", port: port) { channel in
                channel.eventLoop.makeCompletedFuture {
                    try NIOAsyncChannel<ByteBuffer, ByteBuffer>(
                        wrappingChannelSynchronously: channel,
                        configuration: .init(backPressureStrategy: .init(lowWatermark: 1, highWatermark: 1)))
                }
            }
        let request = [
            "GET /api/v1/coaching/listen HTTP/1.1", "Host: 127.0.0.1:\(port)", "Connection: Upgrade", "Upgrade: websocket",
            "Sec-WebSocket-Version: 13", "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==",
            "Authorization: Bearer \(FakeAuthenticator.aliceToken)",
        ].joined(separator: "\r\n") + "\r\n\r\n"
        try await channel.channel.writeAndFlush(ByteBuffer(string: request))
        return StuckListener(channel: channel)
    }

    /// Reads everything until the server closes or cuts the connection.
    func readUntilClosed() async throws -> [UInt8] {
        let bytes = Mutex<[UInt8]>([])
        do {
            try await channel.executeThenClose { inbound, _ in
                for try await chunk in inbound { bytes.withLock { $0 += chunk.readableBytesView } }
            }
        } catch {
            // A reset (the server cut it) ends the stream as well.
        }
        return bytes.withLock { $0 }
    }

    /// The opcodes of the complete server frames after the upgrade's response head.
    static func opcodes(in bytes: [UInt8]) -> [UInt8] {
        guard let head = bytes.indices.first(where: { bytes[$0...].starts(with: [13, 10, 13, 10]) }) else { return [] }
        var offset = head + 4
        var opcodes: [UInt8] = []
        while offset + 2 <= bytes.count {
            var length = Int(bytes[offset + 1] & 0x7F)
            var start = offset + 2
            if length == 126 || length == 127 {
                let size = length == 126 ? 2 : 8
                guard start + size <= bytes.count else { break }
                length = bytes[start..<start + size].reduce(0) { $0 << 8 | Int($1) }
                start += size
            }
            guard start + length <= bytes.count else { break }
            opcodes.append(bytes[offset] & 0x0F)
            offset = start + length
        }
        return opcodes
    }
}
