import Foundation
import Testing

@testable import WebPages

/// The simplifier keeps what the eye sees (peaks, ends, shape) and drops what it cannot.
struct TraceSimplifierTests {
    typealias Point = TraceSimplifier.Point

    /// 5,000 samples across 800 px, as a 5 km lap on the 1 m grid.
    static func trace(_ value: (Int) -> Double) -> [Point] {
        (0..<5_000).map { Point(x: Double($0) / 4_999 * 800, y: value($0)) }
    }

    @Test func aOneSampleSpikeSurvives() {
        let points = Self.trace { $0 == 2_500 ? 40 : 100 }
        let simplified = TraceSimplifier.simplify(points)
        #expect(simplified.contains(points[2_500]), "the spike's own sample is drawn")
        #expect(simplified.count <= 6, "a flat line with one spike needs a handful of points, got \(simplified.count)")
    }

    @Test func aFlatTraceIsTwoPoints() {
        let simplified = TraceSimplifier.simplify(Self.trace { _ in 57 })
        #expect(simplified.count == 2)
        #expect(simplified.first?.x == 0)
        #expect(simplified.last?.x == 800)
    }

    @Test func aBusyTraceIsBoundedByTheWidthAndKeepsItsExtremesAndEnds() {
        // Noise on a wave: every column has a different minimum and maximum.
        let points = Self.trace { index in
            let wave = 50 + 40 * sin(Double(index) / 160)
            return wave + Double((index * 7_919) % 13) - 6
        }
        let simplified = TraceSimplifier.simplify(points)
        #expect(simplified.count <= 4 * 801, "at most four points per pixel column")
        #expect(simplified.count < points.count / 2)
        #expect(simplified.first == points.first)
        #expect(simplified.last == points.last)
        #expect(simplified.map(\.y).max() == points.map(\.y).max())
        #expect(simplified.map(\.y).min() == points.map(\.y).min())
        #expect(zip(simplified, simplified.dropFirst()).allSatisfy { $0.x < $1.x }, "drawn left to right")
    }

    /// No sample is further from the drawn line than a pixel column plus the tolerance: the
    /// column pass keeps each column's extremes (what lies between them is within the column's
    /// width of the line), Douglas–Peucker drops only what is within the tolerance.
    @Test func everySampleLiesWithinAPixelOfTheDrawnLine() {
        let points = Self.trace { index in 30 * sin(Double(index) / 90) + (index % 500 == 0 ? 25 : 0) + Double(index % 7) * 0.4 }
        let tolerance = 0.35
        let simplified = TraceSimplifier.simplify(points, tolerance: tolerance)
        let segments = Array(zip(simplified, simplified.dropFirst()))
        var worst = 0.0
        for point in points {
            let near = segments.filter { min($0.0.x, $0.1.x) <= point.x + 1.5 && max($0.0.x, $0.1.x) >= point.x - 1.5 }
            let distance = near.map { Self.distance(point, $0.0, $0.1) }.min() ?? .infinity
            worst = max(worst, distance)
        }
        #expect(worst <= 1 + tolerance, "a sample is \(worst) px from the line")
    }

    static func distance(_ p: Point, _ a: Point, _ b: Point) -> Double {
        let dx = b.x - a.x, dy = b.y - a.y
        let length = dx * dx + dy * dy
        let t = length > 0 ? max(0, min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length)) : 0
        let x = a.x + t * dx - p.x, y = a.y + t * dy - p.y
        return (x * x + y * y).squareRoot()
    }

    @Test func shortTracesAreLeftAlone() {
        let points = [Point(x: 0, y: 1), Point(x: 1, y: 5)]
        #expect(TraceSimplifier.simplify(points) == points)
        #expect(TraceSimplifier.simplify([]).isEmpty)
    }
}
