/// How much each corner's brake point and apex speed vary over the driver's last valid laps, so
/// the coach can say "your braking into turn 4 varies by 20 metres" before it chases one lap:
/// advice aimed at one lap's error is wrong on the next when the laps scatter both ways.
///
/// The spread is the highest minus the lowest reading once the one furthest from the median is
/// left out: a single off lap is a mistake (feedback says it), not a lack of consistency.
/// Readings are the deviations from the reference (`versusReference`), so a brake point across
/// the line has no wrap in it.
struct ConsistencyTracker: Sendable {
    struct Spread: Sendable, Equatable {
        /// Metres, nil until enough laps braked there.
        var brakePoint: Double?
        /// km/h, nil until enough laps.
        var apexSpeed: Double?
    }

    let laps: Int
    let minimumLaps: Int
    private var brakePoints: [Int: [Double]] = [:]
    private var apexSpeeds: [Int: [Double]] = [:]

    init(configuration: CueConfiguration) {
        laps = max(2, configuration.consistencyLaps)
        minimumLaps = min(laps, max(3, configuration.consistencyMinimumLaps))
    }

    /// Adds one valid lap's reading of a corner.
    mutating func record(_ metrics: CornerMetrics) {
        let numbers = metrics.versusReference
        if let delta = numbers.brakePointDelta, delta.isFinite { append(delta, to: &brakePoints[metrics.corner, default: []]) }
        if let delta = numbers.minimumSpeedDelta, delta.isFinite { append(delta, to: &apexSpeeds[metrics.corner, default: []]) }
    }

    func spread(corner: Int) -> Spread {
        Spread(brakePoint: spread(of: brakePoints[corner] ?? []), apexSpeed: spread(of: apexSpeeds[corner] ?? []))
    }

    private func append(_ value: Double, to readings: inout [Double]) {
        readings.append(value)
        if readings.count > laps { readings.removeFirst(readings.count - laps) }
    }

    private func spread(of readings: [Double]) -> Double? {
        guard readings.count >= minimumLaps else { return nil }
        let sorted = readings.sorted()
        let median = sorted[sorted.count / 2]
        // The reading furthest from the median is at one end of the sorted list.
        let kept = abs(sorted[0] - median) >= abs(sorted[sorted.count - 1] - median) ? sorted.dropFirst() : sorted.dropLast()
        return (kept.last ?? 0) - (kept.first ?? 0)
    }
}
