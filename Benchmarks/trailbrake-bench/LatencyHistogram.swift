import Histogram

/// Nanosecond latencies in an HdrHistogram, printed as the percentiles the budgets name.
struct LatencyHistogram {
    private var histogram = Histogram<UInt64>(highestTrackableValue: 60_000_000_000, numberOfSignificantValueDigits: .three)

    mutating func record(nanoseconds: UInt64) {
        histogram.record(max(1, nanoseconds))
    }

    var count: UInt64 { histogram.totalCount }

    func microseconds(atPercentile percentile: Double) -> Double {
        Double(histogram.valueAtPercentile(percentile)) / 1_000
    }

    /// "p50 12.3 µs  p90 ...  p99 ...  p99.9 ...  max ..."
    var summary: String {
        let points: [(String, Double)] = [("p50", 50), ("p90", 90), ("p99", 99), ("p99.9", 99.9)]
        let parts = points.map { "\($0.0) \(format(microseconds(atPercentile: $0.1))) µs" }
        return (parts + ["max \(format(Double(histogram.max) / 1_000)) µs"]).joined(separator: "  ")
    }

    private func format(_ value: Double) -> String {
        value < 10 ? String(format: "%.2f", value) : String(format: "%.1f", value)
    }
}
