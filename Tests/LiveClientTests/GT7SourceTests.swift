import Foundation
import LiveClient
import NIOCore
import NIOPosix
import SimTelemetry
import SimTestSupport
import Telemetry
import Testing

/// The GT7 adapter against a fake console on loopback that streams the real Brands Hatch laps.
@Suite(.serialized) struct GT7SourceTests {
    /// Laps 6 to 8 of the recording (with a lap 5 tail before and a lap 9 head after).
    static func packets(_ recording: GT7Recording) -> [GT7Packet] {
        let all = GT7RecordedStream.packets(recording, variant: .b)
        let start = all.firstIndex { $0.lapCount == 6 }! - 60
        let end = all.firstIndex { $0.lapCount == 9 }! + 60
        return Array(all[start..<end])
    }

    static func referencePath(_ recording: GT7Recording) throws -> TrackPath {
        var recorder = TrackPathRecorder()
        for row in recording.rows(ofSeq: 7) { recorder.add(x: row.x, z: row.z) }
        return try recorder.finish().get()
    }

    static func options(_ console: FakeGT7Console, path: TrackPath?, silence: Duration = .seconds(10), directory: URL? = nil) -> GT7SourceOptions {
        GT7SourceOptions(
            console: "127.0.0.1", session: GT7SessionConfiguration(trackName: "Brands Hatch", trackConfiguration: "Indy", trackLength: path?.length, path: path),
            consolePort: console.port, bindHost: "127.0.0.1", bindPort: 0, heartbeatInterval: .milliseconds(500),
            receiveGap: .milliseconds(200), silenceTimeout: silence, pathDirectory: directory)
    }

    @Test func heartbeatsStartTheStreamAndEveryPacketBecomesAFrame() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let packets = Self.packets(recording)
        let console = try await FakeGT7Console.start(.init(packets: packets, heartbeatTimeout: .milliseconds(1_500)))
        let path = try Self.referencePath(recording)
        let run = SourceRun(GT7Source(options: Self.options(console, path: path)))
        // Every packet becomes a frame, or is counted lost (a loaded machine's loopback can drop
        // a few at this pace; the final count is reported once the stream stops).
        let done = await run.log.wait(timeout: .seconds(60)) { events in
            events.frames + events.lost >= packets.count && events.frames > packets.count * 9 / 10
        }
        let error = await run.stop()
        await console.stop()
        let frameCount = await run.log.frames.count
        #expect(done, "\(frameCount) of \(packets.count) frames")
        #expect(error == nil || error is CancellationError)
        let sessions = await run.log.sessions
        #expect(sessions == [SessionDescriptor(sim: "gt7", track: TrackDescriptor(name: "Brands Hatch", configuration: "Indy", length: path.length), car: "GT7 car 365", sessionType: "practice")])
        let statuses = await run.log.statuses
        #expect(statuses.first == .waiting("sending heartbeats to 127.0.0.1:\(console.port), waiting for GT7"))
        #expect(statuses.contains(.streaming))
        // The console stops after 1.5 s without a heartbeat; the client's 0.5 s beat kept it going.
        #expect(console.state.withLock { $0.stoppedForLackOfHeartbeats } == 0)
        #expect(console.state.withLock { $0.heartbeats.allSatisfy { $0.1 == 0x42 } })  // "B"
        let frames = await run.log.frames
        #expect(frames.allSatisfy { $0.presentChannels.contains(.steering) })  // B packets carry the wheel
        #expect(zip(frames, frames.dropFirst()).allSatisfy { $0.1.sessionTime > $0.0.sessionTime })
    }

    @Test func aSilentConsoleIsReportedHeartbeatsGoOnAndTheStreamResumes() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let packets = Array(Self.packets(recording).prefix(1_500))
        let console = try await FakeGT7Console.start(.init(packets: packets, silence: (index: 600, seconds: 2)))
        let run = SourceRun(GT7Source(options: Self.options(console, path: try Self.referencePath(recording), silence: .seconds(1))))
        let done = await run.log.wait(timeout: .seconds(60)) { $0.frames >= packets.count - 120 }  // 2 s of the game never arrived
        _ = await run.stop()
        await console.stop()
        #expect(done)
        let statuses = await run.log.statuses
        let silent = statuses.firstIndex { if case .waiting(let text) = $0 { text.contains("silent for 1 s") } else { false } }
        let silentIndex = try #require(silent, "no silence status in \(statuses)")
        #expect(statuses[silentIndex...].contains(.streaming), "frames flowed again")
        // Heartbeats went on, every 0.2 s of silence: about ten in 2 s.
        #expect(console.heartbeatsDuringSilence >= 4)
        let frames = await run.log.frames
        let gap = zip(frames, frames.dropFirst()).map { $0.1.sessionTime - $0.0.sessionTime }.max()!
        #expect(gap >= 1, "the silence shows in session time (\(gap) s)")
    }

    @Test func lostReorderedAndJunkDatagramsAreCountedOnTheStatusLine() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        var packets = Array(Self.packets(recording).prefix(1_200))
        for index in stride(from: 400, to: 450, by: 10) { packets.swapAt(index, index + 1) }
        let junk: [Int: [UInt8]] = [100: [UInt8](repeating: 7, count: 296), 200: [1, 2, 3], 300: [UInt8](repeating: 0, count: 368)]
        let console = try await FakeGT7Console.start(.init(packets: packets, dropped: Set(800..<830), junkBefore: junk))
        let run = SourceRun(GT7Source(options: Self.options(console, path: try Self.referencePath(recording))))
        let done = await run.log.wait(timeout: .seconds(60)) { events in
            events.statuses.contains(.packetsLost(lost: 30, reordered: 5)) && events.frames >= 1_200 - 30 - 5
        }
        _ = await run.stop()
        await console.stop()
        let statusLog = await run.log.statuses
        #expect(done, "\(statusLog)")
        let notes = await run.log.statuses.compactMap { if case .note(let text) = $0 { text } else { nil } }
        #expect(notes.contains { $0.contains("datagrams refused") && $0.contains("bad_magic") })
        #expect(notes.contains { $0.contains("wrong_length") } || notes.contains { $0.contains("bad_magic") })
    }

    @Test func packetsFromAnotherAddressAreIgnoredAndATakenPortIsAClearError() async throws {
        // Another program holds the port: the adapter says so instead of running blind.
        let holder = try await FakeUDPPeer.open { _, _ in }
        let source = GT7Source(options: GT7SourceOptions(
            console: "127.0.0.1", session: GT7SessionConfiguration(trackName: "T", trackLength: 1_000), consolePort: 9,
            bindHost: "127.0.0.1", bindPort: holder.port))
        await #expect { try await source.run { _ in } } throws: { ($0 as? SimSourceError)?.code == "port_in_use" }
        await holder.close()

        // A stranger on the LAN sends valid packets to the client's port: none become frames.
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let packets = Array(Self.packets(recording).prefix(600))
        let console = try await FakeGT7Console.start(.init(packets: packets, tick: .milliseconds(20), host: "127.0.0.2"))
        var options = Self.options(console, path: try Self.referencePath(recording))
        options.console = "127.0.0.2"
        let run = SourceRun(GT7Source(options: options))
        _ = await run.log.wait(timeout: .seconds(30)) { $0.frames > 0 }
        let client = try #require(console.clientAddress)
        let stranger = try await FakeUDPPeer.open { _, _ in }
        for index in 0..<300 {
            var packet = packets[index]
            packet.lapCount = 99
            packet.packetID += 1_000_000
            stranger.send(try GT7PacketCodec.encode(packet, seed: UInt32(index)), to: client)
        }
        let done = await run.log.wait(timeout: .seconds(30)) { $0.frames >= packets.count }
        _ = await run.stop()
        await stranger.close()
        await console.stop()
        #expect(done)
        #expect(await run.log.frames.allSatisfy { $0.lapNumber != 99 })
    }

    @Test func aRecordedPathIsStoredAndTheNextSessionUsesItFromTheFirstFrame() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gt7-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let packets = Self.packets(recording)
        let first = try await FakeGT7Console.start(.init(packets: packets))
        let recordingRun = SourceRun(GT7Source(options: Self.options(first, path: nil, directory: directory)))
        let stored = await recordingRun.log.wait(timeout: .seconds(60)) { events in
            events.statuses.contains { if case .note(let text) = $0 { text.contains("track path stored") } else { false } }
        }
        _ = await recordingRun.stop()
        await first.stop()
        #expect(stored)
        let file = directory.appendingPathComponent("gt7-brands-hatch-indy.trackpath.json")
        let saved = try TrackPathFile.read(file)
        #expect(abs(saved.path.length - RecordedOtherSims.referenceLength(recording)) < 60, "\(saved.path.length) m")

        let second = try await FakeGT7Console.start(.init(packets: Array(packets.prefix(600))))
        let reusing = SourceRun(GT7Source(options: Self.options(second, path: nil, directory: directory)))
        let flowing = await reusing.log.wait(timeout: .seconds(30)) { $0.frames >= 600 }
        _ = await reusing.stop()
        await second.stop()
        #expect(flowing)
        let statuses = await reusing.log.statuses
        #expect(statuses.contains { if case .note(let text) = $0 { text.contains("track path from an earlier session") } else { false } })
        #expect(await reusing.log.frames.allSatisfy { $0.presentChannels.contains(.lapDistanceFraction) })
        #expect(await reusing.log.sessions.first?.track.length == saved.track.length)
    }

    @Test func aDamagedStoredPathIsReportedAndNotUsed() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gt7-paths-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data("{\"format\":\"trailbrake-track-path\",\"version\":1".utf8)
            .write(to: directory.appendingPathComponent("gt7-brands-hatch-indy.trackpath.json"))
        let console = try await FakeGT7Console.start(.init(packets: []))
        let run = SourceRun(GT7Source(options: Self.options(console, path: nil, directory: directory)))
        let noted = await run.log.wait(timeout: .seconds(10)) { summary in
            summary.statuses.contains { if case .note(let text) = $0 { text.contains("stored track path was refused (malformed") } else { false } }
        }
        _ = await run.stop()
        await console.stop()
        let statuses = await run.log.statuses
        #expect(noted, "\(statuses)")
    }
}
