import Foundation

/// A closed driving line in a flat metric frame (x east, y north, metres), such as a race line
/// or centre line from the TUMFTM racetrack database: its points, the distance along it, and
/// (in `TrackLine+Curvature`) its heading and signed curvature.
public struct TrackLine: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }

        func distance(to other: Point) -> Double { hypot(other.x - x, other.y - y) }
    }

    /// Three points are the fewest that enclose anything.
    public static let minimumPointCount = 3
    /// 10,000 km: no circuit is larger, and squares of such coordinates cannot overflow.
    public static let maximumCoordinate = 1e7
    /// 100 km, the longest track a reference lap may have (`ReferenceResampler.maximumTrackLength`):
    /// the Nürburgring's combined layout is about 25 km. Synthesis samples the line at every
    /// metre, so a longer line (three points 10,000 km apart) would allocate gigabytes and run
    /// for minutes instead of being refused.
    public static let maximumLength = 100_000.0
    /// Consecutive points closer than 1 mm are one point (a repeated row, or the first point
    /// repeated at the end): they have no direction between them.
    public static let duplicateTolerance = 0.001
    /// The closing step (last point back to the first) may be this many times the median step.
    /// TUMFTM files close with one ordinary step; a few missing points still close smoothly,
    /// while a much larger gap means an open line whose closing chord would invent a corner.
    public static let closingGapFactor = 4.0

    /// Distinct points in driving order; the line runs from the last back to the first.
    public let points: [Point]
    /// Metres along the line from `points[0]` to each point.
    public let distances: [Double]
    /// Closed length, including the step from the last point back to the first.
    public let length: Double
    /// Heading (rad, counter-clockwise from +x) of each step `i -> i+1`, unwrapped so that
    /// consecutive steps differ by the turn between them, not by a jump of 2π.
    let stepHeadings: [Double]
    /// Metres along the line to the middle of each step, where its heading is placed.
    let stepMiddles: [Double]
    /// Heading gained over one lap: ±2π for an ordinary circuit (negative when driven
    /// clockwise), 0 for a figure of eight such as Suzuka.
    public let totalTurning: Double

    /// A closed line through `closedPoints` (the first point need not be repeated at the end).
    public init(closedPoints: [Point]) throws(TrackGeometryError) {
        if let index = closedPoints.firstIndex(where: { !(abs($0.x) <= Self.maximumCoordinate && abs($0.y) <= Self.maximumCoordinate) }) {
            throw .coordinateOutOfRange(index: index)
        }
        var points: [Point] = []
        for point in closedPoints where points.last.map({ $0.distance(to: point) >= Self.duplicateTolerance }) ?? true {
            points.append(point)
        }
        while points.count > 1, let first = points.first, let last = points.last, last.distance(to: first) < Self.duplicateTolerance {
            points.removeLast()
        }
        guard points.count >= Self.minimumPointCount else { throw .tooFewPoints(points.count) }
        let count = points.count
        let steps = (0..<count).map { points[$0].distance(to: points[($0 + 1) % count]) }
        let median = steps.dropLast().sorted()[(count - 1) / 2]
        if let gap = steps.last, gap > Self.closingGapFactor * median { throw .notClosed(gap: gap, spacing: median) }

        let length = steps.reduce(0, +)
        guard length <= Self.maximumLength else { throw .tooLong(length: length) }
        var distances = [0.0]
        for step in steps.dropLast() { distances.append((distances.last ?? 0) + step) }
        var headings: [Double] = []
        for index in 0..<count {
            let from = points[index], to = points[(index + 1) % count]
            let direction = atan2(to.y - from.y, to.x - from.x)
            guard let previous = headings.last else {
                headings.append(direction)
                continue
            }
            headings.append(previous + Self.turn(from: previous, to: direction))
        }
        self.points = points
        self.distances = distances
        self.length = length
        self.stepHeadings = headings
        self.stepMiddles = (0..<count).map { distances[$0] + steps[$0] / 2 }
        let closingTurn = Self.turn(from: headings[count - 1], to: headings[0])
        self.totalTurning = headings[count - 1] + closingTurn - headings[0]
    }

    /// The turn from one direction to another, in (-π, π] (left positive).
    static func turn(from: Double, to: Double) -> Double {
        let turn = remainder(to - from, 2 * .pi)
        return turn == -.pi ? .pi : turn
    }
}
