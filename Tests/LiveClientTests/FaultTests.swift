import Foundation
import ReferenceTools
import Storage
import Telemetry
import TestSupport
import Testing

@testable import LiveClient

/// What can go wrong while a driver streams: the socket cut, the sim silent, rows lost, the
/// server away long enough to fill the buffer. Every time: no frame counted twice, no crash,
/// and a line that says what happened.
@Suite(.enabled(if: TestData.sharedDataDirectory != nil, "skipped: shared/data is absent"), .serialized, .timeLimit(.minutes(3)))
struct FaultTests {
    static var langley: URL {
        TestData.sharedDataDirectory!.appendingPathComponent("telemetry/rr_skmodified_langley_2015-05-28_14-46-23.ibt")
    }

    @Test func socketCutsMidLapResumeAndCountEveryFrameOnce() async throws {
        let listed = try LapImporter(recording: LapRecordingReader.read(Self.langley)).split.laps.filter { $0.lapTime != nil }
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        try await LiveTestServer.with(home: home) { server in
            let port = try #require(Int(server.baseURL.split(separator: ":").last ?? ""))
            let proxy = try await CuttableProxy(upstreamPort: port)
            let source = CountingSource(inner: IRacingSource(opener: IBTReplayOpener(files: [Self.langley], speed: 6, lossless: true)))
            let settings = try testSettings("ws://127.0.0.1:\(proxy.port)", token: server.token)
            let log = EventLog()
            let streamer = Streamer(settings: settings, simName: "iRacing (replay)", report: log.record)
            let run = Task { try await streamer.run(source) }
            for _ in 0..<3 {
                try await Task.sleep(for: .seconds(2))
                proxy.cut()
            }
            try await run.value
            await proxy.stop()
            #expect(Int(server.metric("trailbrake_live_frames_total") ?? -1) == source.count - (log.lastStatus?.refusedFrames ?? 0))
            #expect(log.lines.filter { $0.hasPrefix("connection lost:") }.count >= 3, "\(log.lines)")
            #expect(log.lines.filter { $0.hasPrefix("connected: resumed session") }.count >= 3, "\(log.lines)")
            #expect(!log.lines.contains { $0.contains("sequence_gap") || $0.contains("duplicate_sequence") })
            #expect(log.statusLines.contains { $0.hasPrefix("reconnecting (") })
        }
        let stored = try await home.storedLaps()
        for lap in listed {
            let time = try #require(stored.first { Int($0.lapNumber) == lap.number && $0.lapTime != nil }?.lapTime)
            #expect(abs(time - lap.lapTime!) <= 0.001, "lap \(lap.number)")
        }
    }

    /// The path dies without a reset (a NAT forgets the connection): nothing comes back, the
    /// watchdog takes the socket for dead, and the resume sends what the server never got.
    @Test func aSilentServerIsTakenForDeadAndTheSessionResumed() async throws {
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        try await LiveTestServer.with(home: home) { server in
            let port = try #require(Int(server.baseURL.split(separator: ":").last ?? ""))
            let proxy = try await CuttableProxy(upstreamPort: port)
            let source = FeedSource()
            let settings = try testSettings("ws://127.0.0.1:\(proxy.port)", token: server.token) { $0.serverSilence = .milliseconds(800) }
            let log = EventLog()
            let streamer = Streamer(settings: settings, simName: "test sim", report: log.record)
            let run = Task { try await streamer.run(source) }
            source.feed.yield(.session(Sample.langley))
            for index in 0..<120 {
                if index == 60 { proxy.freeze() }
                source.feed.yield(.frame(Sample.frame(index)))
                try await Task.sleep(for: .milliseconds(16))
            }
            source.feed.finish()
            try await run.value
            await proxy.stop()
            #expect(Int(server.metric("trailbrake_live_frames_total") ?? -1) == 120)
            #expect(log.contains("connection lost: the server sent nothing for 0.8 seconds while batches waited for acks"), "\(log.lines)")
            #expect(log.contains("connected: resumed session"), "\(log.timeline)")
        }
    }

    @Test func aSilentSimIsShownAndTheStreamGoesOn() async throws {
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        try await LiveTestServer.with(home: home) { server in
            let source = FeedSource()
            let settings = try testSettings(server.liveURL, token: server.token) { $0.sourceSilence = .milliseconds(400) }
            let log = EventLog()
            let streamer = Streamer(settings: settings, simName: "test sim", report: log.record)
            let run = Task { try await streamer.run(source) }
            source.feed.yield(.session(Sample.langley))
            for index in 0..<60 { source.feed.yield(.frame(Sample.frame(index))) }
            try await Task.sleep(for: .seconds(1.2))
            for index in 60..<120 { source.feed.yield(.frame(Sample.frame(index))) }
            source.feed.finish()
            try await run.value
            #expect(Int(server.metric("trailbrake_live_frames_total") ?? -1) == 120)
            let silent = try #require(log.lines.firstIndex { $0.hasPrefix("no data from the sim for") })
            let back = try #require(log.lines.firstIndex(of: "the sim is sending again"))
            #expect(silent < back)
            #expect(log.statusLines.contains { $0.contains("sim silent") })
        }
    }

    /// Rows the reader could not keep up with are counted as lost and never sent twice.
    @Test func lostRowsAreCountedAndNoFrameIsSentTwice() async throws {
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        try await LiveTestServer.with(home: home) { server in
            let source = CountingSource(inner: IRacingSource(opener: IBTReplayOpener(files: [Self.langley], speed: 1_000, lossless: false)))
            let log = try await stream(source, settings: try testSettings(server.liveURL, token: server.token))
            let rows = try IBTFile(contentsOf: Self.langley).rowCount
            #expect(source.count < rows, "at 1000 times real time (60,000 rows a second) the reader misses rows")
            #expect(log.lines.contains { $0.contains("packets lost") }, "\(log.lines.prefix(10))")
            #expect(Int(server.metric("trailbrake_live_frames_total") ?? -1) == source.count - (log.lastStatus?.refusedFrames ?? 0))
        }
        var times: [Double] = []
        for lap in try await home.storedLaps() {
            times += try await LapRepository(database: home.database).telemetry(lapID: lap.id, driverID: home.driverID)?.map(\.sessionTime) ?? []
        }
        #expect(Set(times).count == times.count, "no frame stored twice")
        #expect(zip(times, times.dropFirst()).allSatisfy { $0 < $1 }, "stored in the sim's order")
    }

    /// The server away: the buffer keeps the newest `bufferFrames` and says so; when the server
    /// comes, exactly those are delivered.
    @Test func theBufferIsBoundedWhileTheServerIsAway() async throws {
        let port = try freePort()
        let home = try await LiveTestServer.Home()
        defer { home.remove() }
        let source = FeedSource()
        let settings = try testSettings("ws://127.0.0.1:\(port)", token: home.token) { $0.bufferFrames = 300 }
        let log = EventLog()
        let streamer = Streamer(settings: settings, simName: "test sim", report: log.record)
        let run = Task { try await streamer.run(source) }
        source.feed.yield(.session(Sample.langley))
        for index in 0..<1_000 { source.feed.yield(.frame(Sample.frame(index, distance: Float(index) * 0.5))) }
        try await Task.sleep(for: .seconds(1))
        #expect(log.lines.contains("buffer full (300 frames): dropping the oldest frames until the server takes them again"))
        #expect(log.contains("connection lost: server unreachable"))
        try await LiveTestServer.with(home: home, port: port) { server in
            source.feed.finish()
            try await run.value
            #expect(Int(server.metric("trailbrake_live_frames_total") ?? -1) == 300)
        }
        #expect(log.lines.contains("buffer has room again; 700 frames were dropped while it was full"))
        #expect(log.lastStatus?.droppedFrames == 700)
        var times: [Double] = []
        for lap in try await home.storedLaps() {
            times += try await LapRepository(database: home.database).telemetry(lapID: lap.id, driverID: home.driverID)?.map(\.sessionTime) ?? []
        }
        // Stored session times go through the lap blob codec: equal to within a millisecond.
        #expect(abs((times.min() ?? 0) - 700.0 / 60) < 0.001, "the newest frames were kept, the first 700 dropped")
    }
}
