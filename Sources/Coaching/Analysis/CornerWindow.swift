import Telemetry

/// Where to look for each measurement of one corner, as unwrapped grid indexes around its apex.
///
/// - The brake point is searched from 150 m before the entry (at 60 m/s that is 2.5 s: a
///   brake point further off than that is not the same braking point any more), but not before
///   the previous corner's apex.
/// - Throttle pick-up, minimum speed and the end of measuring run to 60 m past the exit (a late
///   pick-up on a slow exit still lands there), but not into the next corner's approach.
struct CornerWindow: Sendable, Equatable {
    static let brakeSearchBeforeEntry = 150.0
    static let measureAfterExit = 60.0

    var corner: TrackMap.Corner
    var entry: Double
    var apex: Double
    var exit: Double
    var brakePoint: Double?
    var brakeSearchStart: Int
    var measureEnd: Int
    /// Deceleration off the brake (m/s²) past which the lap has lost grip here (`GripLoss`):
    /// set from the reference once; nil judges every lap.
    var gripLossDeceleration: Double?

    init(corner: TrackMap.Corner, previous: TrackMap.Corner?, next: TrackMap.Corner?, count n: Int) {
        self.corner = corner
        let apex = Grid.wrap(corner.apex, n)
        self.apex = apex
        let entry = apex - Grid.forwardDistance(from: corner.entry, to: apex, count: n)
        self.entry = entry
        self.exit = apex + Grid.forwardDistance(from: apex, to: corner.exit, count: n)
        self.brakePoint = corner.brakePoint.map { apex - Grid.forwardDistance(from: $0, to: apex, count: n) }
        var searchStart = min(entry, brakePoint ?? entry) - Self.brakeSearchBeforeEntry
        if let previous, previous.number != corner.number {
            searchStart = max(searchStart, apex - Grid.forwardDistance(from: previous.apex, to: apex, count: n) + 1)
        }
        brakeSearchStart = Int(searchStart.rounded(.down))
        var end = exit + Self.measureAfterExit
        if let next, next.number != corner.number {
            let nextEntry = apex + Grid.forwardDistance(from: apex, to: min(next.entry, next.brakePoint ?? next.entry), count: n)
            end = max(exit, min(end, nextEntry))
        }
        measureEnd = Int(end.rounded(.down))
    }

    /// The same window moved by whole laps (`laps` * n metres).
    func shifted(laps: Int, count n: Int) -> CornerWindow {
        var copy = self
        let metres = Double(laps * n)
        copy.entry += metres
        copy.apex += metres
        copy.exit += metres
        copy.brakePoint = brakePoint.map { $0 + metres }
        copy.brakeSearchStart += laps * n
        copy.measureEnd += laps * n
        return copy
    }

    /// The window placed on the lap in which measuring ends (so `measureEnd` is in 0..<n and
    /// the start may be negative, on the previous lap).
    func onLapOfMeasureEnd(count n: Int) -> CornerWindow {
        shifted(laps: -Int((Double(measureEnd) / Double(max(n, 1))).rounded(.down)), count: n)
    }

    static func windows(for map: TrackMap, count n: Int) -> [CornerWindow] {
        let corners = map.corners
        return corners.indices.map { index in
            let previous = corners.count > 1 ? corners[(index + corners.count - 1) % corners.count] : nil
            let next = corners.count > 1 ? corners[(index + 1) % corners.count] : nil
            return CornerWindow(corner: corners[index], previous: previous, next: next, count: n)
        }
    }
}
