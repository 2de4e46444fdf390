import Foundation
import ServerTestSupport
import LoadTesting
import Testing

/// Short load runs against the real server: cues arrive and are timed, the report is well
/// formed, and the server counted exactly the frames the drivers sent. Serialized and windowed
/// so that they do not starve the other suites running beside them.
@Suite(.serialized) struct LoadRunTests {
    static func options(_ server: LoadTestServer, url: String, drivers: Int, seconds: Double) -> LoadOptions {
        var options = LoadOptions(url: url, tokens: server.tokens)
        options.drivers = drivers
        options.duration = .seconds(seconds)
        options.batchSize = 30
        options.pacing = .asFastAsPossible(window: 16)
        options.seed = 7
        options.probe = ServerProbe(metricsURL: URL(string: server.baseURL + "/metrics"))
        return options
    }

    static let source = LapSource.synthesized(reference: LapSource.defaultReference(in: LoadTestServer.referenceDirectory), laps: 2)

    @Test func threeDriversGetTimedCuesAndAWellFormedReport() async throws {
        try await LoadTestServer.with(drivers: 3) { server in
            let options = Self.options(server, url: server.liveURL, drivers: 3, seconds: 5)
            let report = try await LoadRun(options: options, source: Self.source).run()

            #expect(report.drivers == 3)
            #expect(report.errors.isEmpty, "errors: \(report.errors)")
            #expect(report.totals.cues > 0)
            // Every cue named a batch this driver sent, so every cue was timed.
            #expect(report.cueLatencyMs.count == report.totals.cues)
            let cue = report.cueLatencyMs
            #expect(cue.p50 > 0 && cue.p50 <= cue.p99 && cue.p99 <= cue.p999 && cue.p999 <= cue.max)
            #expect(cue.max < 5_000, "a cue cannot come later than the run lasted")
            #expect(report.ackRttMs.count > 0)
            #expect(report.messagesPerSecond.sent > 0 && report.messagesPerSecond.received > 0)
            #expect(report.durationSeconds >= 5 && report.durationSeconds < 15)
            // The server processed exactly the frames the drivers sent, no more, no fewer.
            #expect(server.metric("trailbrake_live_frames_total") == Double(report.totals.framesSent))
            #expect(server.metric("trailbrake_live_cues_total") == Double(report.totals.cues))
            let memory = try #require(report.memory)
            #expect(memory.source == "metrics")
            #expect(memory.residentBytesLoaded > 10_000_000)

            // The JSON report: snake_case keys a script reads, and it decodes to the same values.
            let data = try report.json()
            let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let latency = try #require(object["cue_latency_ms"] as? [String: Any])
            #expect(latency["p999"] as? Double == cue.p999)
            #expect(object["drivers"] as? Int == 3)
            #expect((object["messages_per_second"] as? [String: Any])?["sent"] != nil)
            #expect(try LoadReport.decode(data) == report)
        }
    }

    @Test func aDroppedSocketResumesWithoutLostOrDuplicatedFrames() async throws {
        try await LoadTestServer.with(drivers: 2) { server in
            var options = Self.options(server, url: server.liveURL, drivers: 2, seconds: 5)
            options.batchSize = 6
            options.reconnectAfter = .seconds(2)
            let report = try await LoadRun(options: options, source: Self.source).run()

            #expect(report.reconnects == 2)
            #expect(report.totals.resumesRejected == 0, "both sessions were resumed")
            // A lost batch would be a `sequence_gap`, a resent processed one a `duplicate_sequence`.
            #expect(report.errors.isEmpty, "errors: \(report.errors)")
            #expect(report.totals.framesSent > 0)
            #expect(server.metric("trailbrake_live_frames_total") == Double(report.totals.framesSent))
        }
    }

    @Test func aWrongTokenIsRefusedAtOnceAndNeverPrinted() async throws {
        try await LoadTestServer.with(drivers: 1) { server in
            let secret = "tb_not-a-real-token-5d41402abc4b2a76"
            var options = Self.options(server, url: server.liveURL, drivers: 1, seconds: 30)
            options.tokens = [secret]
            let laps = try Self.source.load(seed: 1)
            let started = ContinuousClock.now
            let error = await #expect(throws: LoadError.self) {
                _ = try await StreamReplay(options: options, laps: laps, clipsDirectory: nil).run { _ in }
            }
            #expect(error?.code == .refused)
            #expect(error.map { !$0.description.contains(secret) } ?? false)
            #expect(ContinuousClock.now - started < .seconds(10), "no retries against a 401")
        }
    }

    @Test func echoTargetGetsEveryMessageBack() async throws {
        try await LoadTestServer.with(drivers: 2) { server in
            let options = Self.options(server, url: server.echoURL, drivers: 2, seconds: 2)
            var echo = options
            echo.target = .echo
            let report = try await LoadRun(options: echo, source: Self.source).run()

            #expect(report.target == .echo)
            #expect(report.totals.messagesSent > 0)
            #expect(report.totals.messagesReceived == report.totals.messagesSent)
            #expect(report.cueLatencyMs.count == report.totals.messagesSent)
            #expect(server.metric("trailbrake_live_frames_total") == 0, "the echo endpoint coaches nothing")
        }
    }
}
