/// The line one lap drove, in the track plane, from the start/finish line round to it again:
/// what a sim without a lap-distance channel (GT7) is projected onto to know where the car is.
///
/// Points are world metres in the sim's horizontal plane (GT7: X and Z, Y being up). The path is
/// closed: the last point joins the first, and `length` includes that closing segment.
public struct TrackPath: Sendable, Equatable {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var z: Double
        public init(x: Double, z: Double) {
            self.x = x
            self.z = z
        }
    }

    public let points: [Point]
    /// Metres along the path at each point; `cumulative[0] == 0`.
    public let cumulative: [Double]
    /// Total length, closing segment included.
    public let length: Double

    /// Fewer points than this cannot describe a lap.
    public static let minimumPointCount = 16

    /// Nil when the points do not make a usable closed path (too few, or no length).
    public init?(points: [Point]) {
        guard points.count >= Self.minimumPointCount, points.allSatisfy({ $0.x.isFinite && $0.z.isFinite }) else {
            return nil
        }
        var cumulative = [0.0]
        cumulative.reserveCapacity(points.count)
        for index in 1..<points.count {
            cumulative.append(cumulative[index - 1] + Self.distance(points[index - 1], points[index]))
        }
        let length = cumulative[points.count - 1] + Self.distance(points[points.count - 1], points[0])
        guard length > 0 else { return nil }
        self.points = points
        self.cumulative = cumulative
        self.length = length
    }

    /// Length of segment `index` (from point `index` to the next, the last one closing the loop).
    func segmentLength(_ index: Int) -> Double {
        let next = index + 1 == points.count ? 0 : index + 1
        return Self.distance(points[index], points[next])
    }

    static func distance(_ a: Point, _ b: Point) -> Double {
        ((b.x - a.x) * (b.x - a.x) + (b.z - a.z) * (b.z - a.z)).squareRoot()
    }
}
