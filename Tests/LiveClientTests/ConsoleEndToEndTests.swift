import Foundation
import SimTelemetry
import SimTestSupport
import Storage
import Telemetry
import TestSupport
import Testing

@testable import LiveClient

/// GT7, Assetto Corsa and Forza end to end: a fake of the game on loopback replays the real
/// Brands Hatch laps, the adapter and the streamer send them to a real server, and the laps the
/// server stores carry the game's own lap times within one 60 Hz frame; cues come back.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"), .serialized, .timeLimit(.minutes(4)))
struct ConsoleEndToEndTests {
    static let frame = 1.0 / 60

    /// Streams `source` to a fresh server; returns the log and the laps it stored.
    static func stream(_ source: some SimSource) async throws -> (EventLog, [LapRecordRow]) {
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        // The fake consoles replay about 27 times faster than a game sends (1,600 packets a
        // second: 270 batches of 6), past the server's 60 a second for a real client; a test
        // of lap times and cues admits its replay's pace instead of living on resumes.
        let log = try await LiveTestServer.with(home: home, configure: { $0.live.batchesPerSecond = 600 }) { server in
            try await LiveClientTests.stream(source, settings: try testSettings(server.liveURL, token: server.token))
        }
        return (log, try await home.storedLaps())
    }

    static func cues(_ log: EventLog) -> [CueNotice] {
        log.events.compactMap { if case .cue(let cue) = $0 { cue } else { nil } }
    }

    /// The driver's story: `gt7 --console HOST --track "Brands Hatch" --track-config Indy`, no
    /// length and no stored path. Lap 1 has a reset, so lap 2 becomes the path; streaming starts
    /// at its end and laps 3 to 10 are stored with GT7's lap times.
    @Test func gt7LapsAreStoredWithTheGamesLapTimesAndCuesArrive() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let console = try await FakeGT7Console.start(.init(packets: GT7RecordedStream.packets(recording, variant: .b)))
        let options = GT7SourceOptions(
            console: "127.0.0.1", session: GT7SessionConfiguration(trackName: "Brands Hatch", trackConfiguration: "Indy"),
            consolePort: console.port, bindHost: "127.0.0.1", bindPort: 0)
        let source = EndingSource(inner: GT7Source(options: options)) {
            for await _ in console.done {}
        }
        let (log, stored) = try await Self.stream(source)
        await console.stop()
        #expect(log.contains("session: gt7, Brands Hatch Indy"), "\(log.lines.prefix(20))")
        #expect(log.contains("ended: every frame acknowledged"))
        let times = GT7RecordedStream.lapTimes(recording)
        let timed = stored.filter { $0.lapTime != nil && $0.isValid }
        #expect(timed.map(\.lapNumber) == Array(3...10), "\(stored.map { ($0.lapNumber, $0.lapTime, $0.invalidReason) })")
        for lap in timed {
            let game = try #require(times[Int(lap.lapNumber)])
            #expect(abs(lap.lapTime! - game) <= Self.frame, "lap \(lap.lapNumber): stored \(lap.lapTime!) s, GT7 said \(game) s")
        }
        #expect(!Self.cues(log).isEmpty, "no cue arrived")
    }

    /// Faults on the way from the console: it goes silent for 3 s mid-lap, 30 packets are lost
    /// and ten pairs arrive swapped. No crash, every frame the adapter made counted once by the
    /// server, a status line for each, and the laps around the faults keep the game's times.
    @Test func gt7SilenceLossAndReorderingAreCountedAndNoFrameCountsTwice() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let all = GT7RecordedStream.packets(recording, variant: .a)
        let lap = { (number: Int16) in all.firstIndex { $0.lapCount == number }! }
        var packets = Array(all[(lap(5) - 60)..<(lap(9) + 60)])
        let lap7 = lap(7) - (lap(5) - 60)
        for index in stride(from: lap7 + 1_000, to: lap7 + 1_100, by: 10) { packets.swapAt(index, index + 1) }
        var recorder = TrackPathRecorder()
        for row in recording.rows(ofSeq: 7) { recorder.add(x: row.x, z: row.z) }
        let path = try recorder.finish().get()
        let console = try await FakeGT7Console.start(.init(
            packets: packets, silence: (index: lap(6) - (lap(5) - 60) + 1_400, seconds: 3),
            dropped: Set((lap7 + 2_000)..<(lap7 + 2_030))))
        let options = GT7SourceOptions(
            console: "127.0.0.1", session: GT7SessionConfiguration(trackName: "Brands Hatch", trackConfiguration: "Indy", trackLength: path.length, path: path),
            consolePort: console.port, bindHost: "127.0.0.1", bindPort: 0, receiveGap: .milliseconds(200), silenceTimeout: .seconds(1))
        let source = CountingSource(inner: EndingSource(inner: GT7Source(options: options)) {
            for await _ in console.done {}
        })
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        let (log, accepted) = try await LiveTestServer.with(home: home) { server in
            let log = try await LiveClientTests.stream(source, settings: try testSettings(server.liveURL, token: server.token))
            return (log, Int(server.metric("trailbrake_live_frames_total") ?? -1))
        }
        await console.stop()
        #expect(accepted == source.count - (log.lastStatus?.refusedFrames ?? 0), "every frame sent counted once")
        #expect(log.contains("sim: waiting: console 127.0.0.1 silent for 1 s"), "\(log.lines.filter { $0.hasPrefix("sim:") })")
        #expect(log.contains("sim: running, 30 packets lost, 10 reordered"), "\(log.lines.filter { $0.hasPrefix("sim:") })")
        let stored = try await home.storedLaps()
        let times = GT7RecordedStream.lapTimes(recording)
        // Lap 6 holds the silence: the stream restarted mid-lap, so it is not a timed lap.
        #expect(!stored.contains { $0.lapNumber == 6 && $0.isValid })
        for number: Int32 in [7, 8] {
            let row = try #require(stored.first { $0.lapNumber == number && $0.lapTime != nil }, "lap \(number) not stored with a time")
            #expect(abs(row.lapTime! - times[Int(number)]!) <= Self.frame, "lap \(number): \(row.lapTime!) s")
        }
    }

    @Test func assettoCorsaLapsAreStoredWithTheGamesLapTimesAndCuesArrive() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let infos = RecordedOtherSims.acCarInfos(recording, seqs: 4...10)
        let reply = ACHandshakeResponse(carName: "ks_alfa_155", driverName: "Test", trackName: "brands_hatch", trackConfig: "indy")
        let game = try await FakeACGame.start(.init(reply: reply, infos: infos))
        let length = RecordedOtherSims.referenceLength(recording)
        let source = EndingSource(inner: AssettoCorsaSource(options: .init(
            host: "127.0.0.1", mapper: .init(trackLength: length), port: game.port, bindHost: "127.0.0.1"))) {
            for await _ in game.done {}
        }
        let (log, stored) = try await Self.stream(source)
        await game.stop()
        let times = GT7RecordedStream.lapTimes(recording)
        let timed = stored.filter { $0.lapTime != nil && $0.isValid }
        // AC counts completed laps: its lap n is the recording's lap n + 1. The replay starts at
        // the line of its first lap, so that lap is timed too (issue 16).
        #expect(timed.map(\.lapNumber) == Array(3...8), "\(stored.map { ($0.lapNumber, $0.lapTime, $0.invalidReason) })")
        for lap in timed {
            let game = try #require(times[Int(lap.lapNumber) + 1])
            #expect(abs(lap.lapTime! - game) <= Self.frame, "lap \(lap.lapNumber): stored \(lap.lapTime!) s, AC said \(game) s")
        }
        #expect(!Self.cues(log).isEmpty, "no cue arrived")
    }

    @Test func forzaLapsAreStoredWithTheGamesLapTimesAndCuesArrive() async throws {
        guard let recording = try GT7Recording.load() else { print(GT7Recording.missingReason); return }
        let packets = RecordedOtherSims.forzaPackets(recording, seqs: 4...10, format: .horizonDash)
        let port = try freePort()  // a TCP probe; UDP ports of the same number are free alike here
        let source = ForzaSource(options: .init(port: port, mapper: .init(trackName: "Brands Hatch", trackConfiguration: "Indy", trackLength: 1_929), bindHost: "127.0.0.1"))
        let holder = GameHolder()
        let ending = EndingSource(inner: source) {
            try? await Task.sleep(for: .milliseconds(300))  // the adapter binds its port first
            guard let game = try? await FakeForzaGame.start(.init(datagrams: packets.map(\.bytes), burst: 4), to: port) else { return }
            holder.game.withLock { $0 = game }
            for await _ in game.done {}
        }
        let (log, stored) = try await Self.stream(ending)
        await holder.game.withLock { $0 }?.stop()
        let times = GT7RecordedStream.lapTimes(recording)
        let timed = stored.filter { $0.lapTime != nil && $0.isValid }
        // Forza's lap numbers are 0-based: its lap n is the recording's lap n + 1.
        #expect(timed.map(\.lapNumber) == Array(4...8), "\(stored.map { ($0.lapNumber, $0.lapTime, $0.invalidReason) })")
        for lap in timed {
            let game = try #require(times[Int(lap.lapNumber) + 1])
            #expect(abs(lap.lapTime! - game) <= Self.frame, "lap \(lap.lapNumber): stored \(lap.lapTime!) s, Forza said \(game) s")
        }
        #expect(!Self.cues(log).isEmpty, "no cue arrived")
    }
}

import Synchronization

final class GameHolder: Sendable {
    let game = Mutex<FakeForzaGame?>(nil)
}
