import Telemetry

/// Finds the corners of a track from a reference lap: places where the car slows down.
public enum TrackSegmenter {
    /// A speed dip of at least 6% is a corner. Drops that small need more than tyre scrub or a
    /// breath of the throttle (a flat kink costs 1-2%), while speed noise in sims is under 0.5%.
    public static let cornerSpeedDrop = 0.06
    /// A braked-for dip counts from 2%: the driver judged it a corner.
    public static let brakedCornerSpeedDrop = 0.02
    /// Metres either side of a minimum over which speed is smoothed (±5 m removes sensor noise
    /// without flattening a hairpin, whose speed changes by about 1% per metre near the apex).
    public static let smoothingRadius = 5
    /// Two minima closer than this are one corner (a noisy bottom, not a chicane: the tightest
    /// chicanes put their apexes 40 m or more apart).
    public static let minimumCornerSpacing = 30
    /// A corner's braking zone must start within this many metres of its apex.
    public static let maximumBrakingLength = 400
    /// Names from a hand-made map are copied to the detected corner whose apex is this close.
    public static let nameMatchDistance = 30.0
    /// Largest speed step (m/s) between a lap's last and first grid points that is still one
    /// continuous run of the car: 1 m/s in one metre is 5 g at 50 m/s, an F1 car's peak braking.
    /// A bigger step means the two ends were driven at different times (a real lap's end joins
    /// the previous lap's start), so a dip there is made by the seam, not by a corner.
    public static let seamSpeedStep: Float = 1

    public static func trackMap(for reference: ReferenceLap, track: TrackDescriptor, names: TrackMap? = nil) -> TrackMap {
        let n = reference.count
        guard n >= 100, reference.speed.count == n, reference.throttle.count == n, reference.brake.count == n else {
            return TrackMap(track: track, corners: [])
        }
        let window = LapWindow(reference)
        let smoothed = (0..<n).map { window.smoothedSpeed($0, radius: smoothingRadius) }
        guard let released = reference.brake.firstIndex(where: { $0 < PedalThresholds.brakeOff }) else {
            return TrackMap(track: track, corners: [])
        }
        let zones = BrakingZoneDetector.spans(in: window, from: released, to: released + n - 1)
        let apexes = cornerApexes(smoothed: smoothed, zones: zones, count: n, seamIsOpen: seamIsOpen(reference))
        var corners: [TrackMap.Corner] = []
        for (position, apex) in apexes.enumerated() {
            let previousApex = position > 0 ? apexes[position - 1] : (apexes.last ?? apex) - n
            let nextApex = position + 1 < apexes.count ? apexes[position + 1] : (apexes.first ?? apex) + n
            let span = zone(for: apex, after: previousApex, zones: zones, count: n)
            let entry = span.map(\.start) ?? Double(peak(in: smoothed, from: previousApex, to: apex))
            let exit = exitPoint(window, smoothed: smoothed, apex: apex, nextApex: nextApex)
            corners.append(TrackMap.Corner(
                number: position + 1, entry: Grid.wrap(entry, n), apex: Double(apex), exit: Grid.wrap(Double(exit), n),
                brakePoint: span.map { Grid.wrap($0.start, n) }))
        }
        // A following corner's entry bounds this one's exit (chicanes).
        for index in corners.indices where corners.count > 1 {
            let next = corners[(index + 1) % corners.count]
            let toExit = Grid.forwardDistance(from: corners[index].apex, to: corners[index].exit, count: n)
            let toNextEntry = Grid.forwardDistance(from: corners[index].apex, to: next.entry, count: n)
            if toNextEntry < toExit { corners[index].exit = next.entry }
        }
        return TrackMap(track: track, corners: copyNames(from: names, to: corners, count: n))
    }

    /// True when the lap's two ends do not join (see `seamSpeedStep`).
    static func seamIsOpen(_ lap: ReferenceLap) -> Bool {
        guard let first = lap.speed.first, let last = lap.speed.last else { return false }
        return abs(first - last) > seamSpeedStep
    }

    /// Kept minima, in driving order (apex position from the line). On a lap with an open seam,
    /// minima whose smoothing window reaches across the line (within two `smoothingRadius`) are
    /// the seam's step, not a slowing car, and are dropped.
    static func cornerApexes(smoothed: [Double], zones: [BrakingZoneDetector.Span], count n: Int, seamIsOpen: Bool) -> [Int] {
        let kept = SpeedMinima.find(in: smoothed).filter { minimum in
            if seamIsOpen, min(minimum.index, n - 1 - minimum.index) <= 2 * smoothingRadius { return false }
            if minimum.relativeDrop >= cornerSpeedDrop { return true }
            guard minimum.relativeDrop >= brakedCornerSpeedDrop else { return false }
            return zones.contains { zone in
                let before = Grid.forwardDistance(from: Double(zone.end), to: Double(minimum.index), count: n)
                return before <= 50 || before >= Double(n - 30)
            }
        }
        var apexes: [SpeedMinima.Minimum] = []
        for minimum in kept.sorted(by: { $0.speed < $1.speed }) {
            let tooClose = apexes.contains { other in
                let d = Grid.forwardDistance(from: Double(other.index), to: Double(minimum.index), count: n)
                return min(d, Double(n) - d) < Double(minimumCornerSpacing)
            }
            if !tooClose { apexes.append(minimum) }
        }
        return apexes.map(\.index).sorted()
    }

    /// The braking zone serving a corner: among the zones starting between the previous apex and
    /// this apex (and within `maximumBrakingLength`), `BrakingZoneDetector.approach`.
    static func zone(for apex: Int, after previousApex: Int, zones: [BrakingZoneDetector.Span], count n: Int) -> BrakingZoneDetector.Span? {
        let unwrapped = zones.map { zone -> BrakingZoneDetector.Span in
            var zone = zone
            let back = Grid.forwardDistance(from: zone.start, to: Double(apex), count: n)
            let shift = Double(apex) - back - zone.start
            zone.start += shift
            zone.end += Int(shift.rounded())
            return zone
        }
        let candidates = unwrapped.filter { $0.start > Double(previousApex) && $0.start <= Double(apex) && Double(apex) - $0.start <= Double(maximumBrakingLength) }
            .sorted { $0.start < $1.start }
        return BrakingZoneDetector.approach(candidates)
    }

    /// Highest smoothed speed between two unwrapped indexes.
    static func peak(in smoothed: [Double], from: Int, to: Int) -> Int {
        let n = smoothed.count
        guard to > from else { return to }
        return (from...to).max { smoothed[Grid.wrap($0, n)] < smoothed[Grid.wrap($1, n)] } ?? to
    }

    /// First sustained full throttle after the apex, or the speed peak before the next apex
    /// when the driver never gets there (a chicane), unwrapped.
    static func exitPoint(_ window: LapWindow, smoothed: [Double], apex: Int, nextApex: Int) -> Int {
        let peakIndex = peak(in: smoothed, from: apex, to: nextApex)
        return CornerAnalyzer.throttlePickup(in: window, from: apex, to: peakIndex).map { Int($0.rounded()) } ?? peakIndex
    }

    static func copyNames(from names: TrackMap?, to corners: [TrackMap.Corner], count n: Int) -> [TrackMap.Corner] {
        guard let names else { return corners }
        return corners.map { corner in
            var corner = corner
            let match = names.corners.min { a, b in
                distance(a.apex, corner.apex, n) < distance(b.apex, corner.apex, n)
            }
            if let match, distance(match.apex, corner.apex, n) <= nameMatchDistance {
                corner.name = match.name
                corner.landmark = match.landmark
            }
            return corner
        }
    }

    static func distance(_ a: Double, _ b: Double, _ n: Int) -> Double {
        let d = Grid.forwardDistance(from: a, to: b, count: n)
        return min(d, Double(n) - d)
    }
}
