import Foundation

/// A track map as SVG: the lap's path from the reference's latitude and longitude (an
/// equirectangular projection about the track's mean latitude, so a few kilometres keep their
/// shape), a numbered dot at each corner's apex, the start line marked. A reference without
/// positions is drawn as a straight strip of its distance, corners along it, so every map shows
/// the corners in order.
public enum TrackMapSVG {
    static let width = 400.0, height = 300.0, margin = 24.0

    /// - Parameters: `latitude`/`longitude` on the 1 m grid (empty when unknown); `apexes`:
    ///   (corner number, apex distance in metres); `length`: the lap in metres.
    static func render(latitude: [Double], longitude: [Double], apexes: [(Int, Double)], length: Double, title: String) -> String {
        let points = project(latitude: latitude, longitude: longitude)
        // One point per ~4 m is far more than 400 px need and keeps the SVG small.
        let step = max(1, points.count / 1_000)
        let drawn = points.isEmpty ? [Point(x: margin, y: height / 2), Point(x: width - margin, y: height / 2)]
            : stride(from: 0, to: points.count, by: step).map { points[$0] }
        let path = drawn.map { "\(SVGNumber.string($0.x)),\(SVGNumber.string($0.y))" }
        var svg = #"<svg class="trackmap" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-label="\#(HTMLText.escape(title))">"#
        svg += #"<polyline class="track" points="\#(path.joined(separator: " "))" fill="none"/>"#
        let start = drawn[0]
        svg += #"<circle class="start" cx="\#(SVGNumber.string(start.x))" cy="\#(SVGNumber.string(start.y))" r="5"/>"#
        for (number, apex) in apexes {
            let fraction = min(1, max(0, apex / max(length, 1)))
            let point = points.isEmpty
                ? Point(x: margin + (width - 2 * margin) * fraction, y: height / 2)
                : points[min(points.count - 1, Int((fraction * Double(points.count - 1)).rounded()))]
            svg += #"<g class="corner" data-corner="\#(number)"><circle cx="\#(SVGNumber.string(point.x))" cy="\#(SVGNumber.string(point.y))" r="8"/>"#
            svg += #"<text x="\#(SVGNumber.string(point.x))" y="\#(SVGNumber.string(point.y + 4))">\#(number)</text></g>"#
        }
        return svg + "</svg>"
    }

    struct Point { var x: Double, y: Double }

    /// The positions projected into the box; empty when there are none usable (the strip is drawn).
    static func project(latitude: [Double], longitude: [Double]) -> [Point] {
        let usable = latitude.count == longitude.count && latitude.count >= 2
            && latitude.allSatisfy(\.isFinite) && longitude.allSatisfy(\.isFinite)
        guard usable else { return [] }
        let meanLatitude = latitude.reduce(0, +) / Double(latitude.count) * .pi / 180
        let xs = longitude.map { $0 * cos(meanLatitude) }, ys = latitude.map { -$0 }
        let minX = xs.min() ?? 0, maxX = xs.max() ?? 1, minY = ys.min() ?? 0, maxY = ys.max() ?? 1
        let scale = min((width - 2 * margin) / max(maxX - minX, 1e-9), (height - 2 * margin) / max(maxY - minY, 1e-9))
        let offsetX = (width - (maxX - minX) * scale) / 2, offsetY = (height - (maxY - minY) * scale) / 2
        return zip(xs, ys).map { Point(x: offsetX + ($0 - minX) * scale, y: offsetY + ($1 - minY) * scale) }
    }
}
