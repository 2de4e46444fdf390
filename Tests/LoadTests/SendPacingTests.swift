import Foundation
import ServerTestSupport
import Testing
import WireClient

@testable import LoadTesting

/// The load tool keeps the server's batch rate limit (`welcome.limits`) and waits for acks
/// without polling: an as-fast-as-possible driver is never closed with `rate_limited`.
@Suite(.serialized) struct SendPacingTests {
    @Test func theBucketLetsTheBurstGoAtOnceThenPacesUnderTheAnnouncedRate() throws {
        let start = ContinuousClock.now
        let limits = try Self.limits(#"{"batches_per_second": 20, "batch_burst": 10}"#)
        var bucket = try #require(SendRateBucket(limits, at: start))
        // 90 % of what the server announced: 9 at once, then one every 1 / 18 s.
        let slots = (0..<12).map { _ in bucket.reserve(at: start) }
        #expect(slots.prefix(9).allSatisfy { $0 == start })
        let gaps = zip(slots.dropFirst(8), slots.dropFirst(9)).map { ($1 - $0).inSeconds }
        for gap in gaps { #expect(abs(gap - 1.0 / 18) < 1e-9) }
        // Idle time refills it, never beyond the burst.
        let later = start + .seconds(60)
        let refilled = (0..<10).map { _ in bucket.reserve(at: later) }
        #expect(refilled.prefix(9).allSatisfy { $0 == later })
        #expect(refilled[9] > later)
    }

    @Test func noLimitAnnouncedMeansNoBucket() throws {
        #expect(SendRateBucket(nil, at: .now) == nil)
        #expect(SendRateBucket(try Self.limits(#"{"max_frames_per_batch": 120, "batch_burst": 10}"#), at: .now) == nil)
    }

    /// `welcome.limits` as the server writes it.
    static func limits(_ json: String) throws -> ServerReply.Limits {
        try JSONDecoder().decode(ServerReply.Limits.self, from: Data(json.utf8))
    }

    @Test func aDriverAsFastAsPossibleStaysWithinTheServersRateLimit() async throws {
        let (rate, burst) = (40.0, 20)
        try await LoadTestServer.with(drivers: 1, configure: {
            $0.live.batchesPerSecond = rate
            $0.live.batchBurst = burst
        }) { server in
            var options = LoadRunTests.options(server, url: server.liveURL, drivers: 1, seconds: 3)
            options.batchSize = 6
            let report = try await LoadRun(options: options, source: LoadRunTests.source).run()

            // Without pacing the window of 16 goes out at once and the acks let it run at
            // thousands a second: `rate_limited`, a close and a resume, again and again.
            #expect(report.errors.isEmpty, "errors: \(report.errors)")
            #expect(report.reconnects == 0)
            #expect(report.totals.messagesSent > burst, "it kept sending past the burst")
            let allowed = Double(burst) + rate * report.durationSeconds
            #expect(Double(report.totals.messagesSent) <= allowed)
            #expect(server.metric("trailbrake_live_frames_total") == Double(report.totals.framesSent))
        }
    }
}
