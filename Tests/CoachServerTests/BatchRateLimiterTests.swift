@testable import ServerSettings
import Telemetry
import Testing

@testable import CoachServer

/// `live.batches_per_second` and `live.batch_burst` at their edges, on a clock the test moves.
@Suite struct BatchRateLimiterTests {
    let start = ContinuousClock.now

    @Test func theBurstPassesAndTheNextBatchIsRefused() {
        let limiter = BatchRateLimiter(ratePerSecond: 10, burst: 50)
        #expect((0..<50).allSatisfy { _ in limiter.admit(driverID: 1, at: start) == nil })
        #expect(limiter.admit(driverID: 1, at: start)?.code == .rateLimited)
        #expect(limiter.admit(driverID: 2, at: start) == nil, "each driver has its own bucket")
    }

    @Test func theBucketRefillsAtTheRateAndNeverBeyondTheBurst() {
        let limiter = BatchRateLimiter(ratePerSecond: 10, burst: 50)
        for _ in 0..<50 { _ = limiter.admit(driverID: 1, at: start) }
        // 0.35 s: 3.5 batches' worth, so three pass.
        let later = start.advanced(by: .milliseconds(350))
        #expect((0..<3).allSatisfy { _ in limiter.admit(driverID: 1, at: later) == nil })
        #expect(limiter.admit(driverID: 1, at: later) != nil)
        // An hour idle refills to the burst, not to 36,000.
        let muchLater = start.advanced(by: .seconds(3_600))
        #expect((0..<50).allSatisfy { _ in limiter.admit(driverID: 1, at: muchLater) == nil })
        #expect(limiter.admit(driverID: 1, at: muchLater) != nil)
    }

    @Test func aRealClientAndItsResendAfterAResumeFitTheDefaults() {
        let limiter = BatchRateLimiter(ServerConfiguration.Live())
        var now = start
        // Ten minutes at 60 Hz in 100 ms batches, with a drop of the whole 120 s resume window
        // after five minutes. On the resume the client resends, at once, what the server never
        // acknowledged: the 1,200 batches made during the drop and the last second before it
        // (acks come every 250 ms and the drop cut some off), then streaming goes on.
        var refused = 0
        for tick in 0..<6_000 {
            now = start.advanced(by: .milliseconds(100 * tick))
            if (3_000...4_200).contains(tick) {
                if tick == 4_200 { refused += (0..<1_210).count { _ in limiter.admit(driverID: 1, at: now) != nil } }
                continue
            }
            if limiter.admit(driverID: 1, at: now) != nil { refused += 1 }
        }
        #expect(refused == 0)
    }
}
