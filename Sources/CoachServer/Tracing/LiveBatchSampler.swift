/// Picks which of a connection's live batches get a span (`tracing.live_batch_sample_ratio`).
///
/// Exactly `ratio` of the batches, spread evenly: an accumulator gains `ratio` per batch and a
/// batch is sampled each time it passes 1. The start is random so that connections opened
/// together do not all sample the same batch numbers. One addition per batch, no random number.
struct LiveBatchSampler: Sendable {
    let ratio: Double
    private var credit: Double

    init(ratio: Double, start: Double = Double.random(in: 0..<1)) {
        self.ratio = min(max(ratio, 0), 1)
        // At 0 and 1 the start does not matter: never and always.
        self.credit = self.ratio > 0 && self.ratio < 1 ? start : 0
    }

    /// Whether the next batch gets a span.
    mutating func sampleNext() -> Bool {
        guard ratio > 0 else { return false }
        credit += ratio
        guard credit >= 1 else { return false }
        credit -= 1
        return true
    }
}
