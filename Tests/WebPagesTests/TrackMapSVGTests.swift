import Foundation
import Testing

@testable import WebPages

/// The track map: positions projected into the box keeping their shape, corners at their apex,
/// and a strip when a reference has no positions.
@Suite struct TrackMapSVGTests {
    @Test func aCircleStaysRoundAndCornersSitOnIt() throws {
        // A 1 km circle at 52° N: 1,000 samples, as a 1 m grid would give.
        let count = 1_000, radius = 159.15, latitude0 = 52.0
        let metresPerDegree = 111_320.0
        let angles = (0..<count).map { Double($0) / Double(count) * 2 * .pi }
        let latitude = angles.map { latitude0 + radius * sin($0) / metresPerDegree }
        let longitude = angles.map { 5 + radius * cos($0) / (metresPerDegree * cos(latitude0 * .pi / 180)) }
        let svg = TrackMapSVG.render(latitude: latitude, longitude: longitude, apexes: [(1, 250), (2, 750)], length: 1_000, title: "t")
        let points = try #require(svg.firstMatch(of: /points="([^"]+)"/)?.1).split(separator: " ")
            .map { $0.split(separator: ",").compactMap { Double($0) } }
        let xs = points.map { $0[0] }, ys = points.map { $0[1] }
        let width = (xs.max() ?? 0) - (xs.min() ?? 0), height = (ys.max() ?? 0) - (ys.min() ?? 0)
        #expect(abs(width - height) < 2, "round, not squashed: \(width) x \(height)")
        #expect((xs.min() ?? 0) >= TrackMapSVG.margin - 0.5 && (ys.max() ?? 0) <= TrackMapSVG.height - TrackMapSVG.margin + 0.5)
        #expect(svg.contains(#"data-corner="1""#) && svg.contains(#"data-corner="2""#))
        // A quarter and three quarters round: opposite sides of the circle.
        let centres = svg.matches(of: /<g class="corner" data-corner="\d"><circle cx="([\d.]+)" cy="([\d.]+)"/).map { (Double($0.1)!, Double($0.2)!) }
        #expect(centres.count == 2)
        #expect(abs(centres[0].1 - centres[1].1) > height * 0.9, "corners 1 and 2 sit at the top and bottom: \(centres)")
    }

    @Test func withoutPositionsTheMapIsAStripWithCornersInOrder() throws {
        let svg = TrackMapSVG.render(latitude: [], longitude: [], apexes: [(1, 100), (2, 900)], length: 1_000, title: "<t>")
        #expect(svg.contains(#"aria-label="&lt;t&gt;""#))
        let points = try #require(svg.firstMatch(of: /points="([^"]+)"/)?.1).split(separator: " ")
        #expect(points.count == 2)
        let xs = svg.matches(of: /data-corner="\d"><circle cx="([\d.]+)"/).map { Double($0.1)! }
        #expect(xs.count == 2 && xs[0] < xs[1])
        // Positions that are not numbers are not drawn.
        let nan = TrackMapSVG.render(latitude: [.nan, 1], longitude: [1, 1], apexes: [], length: 10, title: "x")
        #expect(nan.firstMatch(of: /points="([^"]+)"/)?.1.split(separator: " ").count == 2)
    }
}
