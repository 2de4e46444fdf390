@testable import CoachServer
import Testing

/// `tracing.live_batch_sample_ratio` at its edges and in between: exactly that share of batches.
struct LiveBatchSamplerTests {
    static func sampled(ratio: Double, batches: Int, start: Double = 0.5) -> Int {
        var sampler = LiveBatchSampler(ratio: ratio, start: start)
        return (0..<batches).filter { _ in sampler.sampleNext() }.count
    }

    @Test func zeroSamplesNothingAndOneSamplesEverything() {
        #expect(Self.sampled(ratio: 0, batches: 10_000) == 0)
        #expect(Self.sampled(ratio: 1, batches: 10_000) == 10_000)
    }

    @Test(arguments: [0.01, 0.25, 0.5, 0.999])
    func aRatioSamplesThatShareEvenly(ratio: Double) {
        let batches = 10_000
        let expected = Double(batches) * ratio
        for start in [0.0, 0.3, 0.99] {
            #expect(abs(Double(Self.sampled(ratio: ratio, batches: batches, start: start)) - expected) <= 1)
        }
        // Evenly: at 0.25 never two sampled batches in a row and never more than 4 apart.
        if ratio == 0.25 {
            var sampler = LiveBatchSampler(ratio: ratio, start: 0)
            let picks = (0..<100).filter { _ in sampler.sampleNext() }
            #expect(zip(picks, picks.dropFirst()).allSatisfy { $1 - $0 == 4 })
        }
    }
}
