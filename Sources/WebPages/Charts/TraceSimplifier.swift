/// Thins a trace to what a chart `width` pixels wide can show, keeping every peak the eye can see.
///
/// Two passes: the first O(n), the second O(n log n) on typical traces (O(n²) at worst, on at
/// most four points per pixel column, so bounded by the chart width, not the lap):
/// 1. Per pixel column, the first, lowest, highest and last point (in distance order), so a
///    one-sample spike (a brake stab, a lock-up's speed dip) survives however many samples share
///    its column. A 5 km lap on a 1 m grid (5,000 points) drawn 800 px wide keeps at most
///    4 points per column.
/// 2. Douglas–Peucker with a tolerance below a pixel: straights at full throttle, a constant
///    gear, a flat brake trace become two points each.
public enum TraceSimplifier {
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) {
            self.x = x
            self.y = y
        }
    }

    /// - Parameters:
    ///   - points: in increasing `x` (chart units: pixels), non-finite values already dropped.
    ///   - tolerance: largest distance (pixels) a dropped point may lie from the line drawn.
    public static func simplify(_ points: [Point], tolerance: Double = 0.35) -> [Point] {
        douglasPeucker(columnExtremes(points), tolerance: tolerance)
    }

    /// Pass 1: for each whole-pixel column, its first, minimum, maximum and last point, in order.
    static func columnExtremes(_ points: [Point]) -> [Point] {
        guard points.count > 4 else { return points }
        var result: [Point] = []
        result.reserveCapacity(min(points.count, 4 * 1_024))
        var start = 0
        while start < points.count {
            let column = points[start].x.rounded(.down)
            var end = start
            var low = start, high = start
            while end + 1 < points.count, points[end + 1].x.rounded(.down) == column {
                end += 1
                if points[end].y < points[low].y { low = end }
                if points[end].y > points[high].y { high = end }
            }
            // The four indices in order, each once (no Set: this runs per column of every trace).
            var previous = -1
            for index in [start, min(low, high), max(low, high), end] where index > previous {
                result.append(points[index])
                previous = index
            }
            start = end + 1
        }
        return result
    }

    /// Pass 2: iterative Douglas–Peucker (an explicit stack: no recursion depth to worry about).
    static func douglasPeucker(_ points: [Point], tolerance: Double) -> [Point] {
        guard points.count > 2 else { return points }
        var keep = [Bool](repeating: false, count: points.count)
        keep[0] = true
        keep[points.count - 1] = true
        var stack: [(Int, Int)] = [(0, points.count - 1)]
        let limit = tolerance * tolerance
        while let (first, last) = stack.popLast() {
            guard last > first + 1 else { continue }
            let a = points[first], b = points[last]
            let dx = b.x - a.x, dy = b.y - a.y
            let length = dx * dx + dy * dy
            var farthest = first, distance = -1.0
            for index in (first + 1)..<last {
                let d = squaredDistance(points[index], a, dx, dy, length)
                if d > distance { (farthest, distance) = (index, d) }
            }
            if distance > limit {
                keep[farthest] = true
                stack.append((first, farthest))
                stack.append((farthest, last))
            }
        }
        return points.indices.compactMap { keep[$0] ? points[$0] : nil }
    }

    /// Squared distance from `p` to the segment from `a` along (`dx`, `dy`) (squared length
    /// `length`): compared with the squared tolerance, so no square root per point.
    private static func squaredDistance(_ p: Point, _ a: Point, _ dx: Double, _ dy: Double, _ length: Double) -> Double {
        let t = length > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length)) : 0
        let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
        return x * x + y * y
    }
}
