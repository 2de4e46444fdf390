import Histogram

/// Latencies in microseconds in an HdrHistogram (3 significant digits, up to 10 minutes).
struct LatencyHistogram: Sendable {
    private var histogram = Histogram<UInt64>(highestTrackableValue: 600_000_000, numberOfSignificantValueDigits: .three)

    mutating func record(_ duration: Duration) {
        let (seconds, attoseconds) = duration.components
        let micros = max(1, seconds * 1_000_000 + attoseconds / 1_000_000_000_000)
        histogram.record(UInt64(clamping: micros))
    }

    var count: UInt64 { histogram.totalCount }

    /// The summary the report carries, in milliseconds.
    var percentiles: LoadReport.Percentiles {
        func ms(_ value: UInt64) -> Double { Double(value) / 1_000 }
        guard count > 0 else { return LoadReport.Percentiles(count: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0) }
        return LoadReport.Percentiles(
            count: Int(clamping: count), p50: ms(histogram.valueAtPercentile(50)), p90: ms(histogram.valueAtPercentile(90)),
            p99: ms(histogram.valueAtPercentile(99)), p999: ms(histogram.valueAtPercentile(99.9)), max: ms(histogram.max))
    }
}
