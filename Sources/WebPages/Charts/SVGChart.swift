/// A `Chart` as inline SVG: the lines simplified by `TraceSimplifier` for an 800-unit-wide
/// plot, corner markers, the range's ends as labels. Written with plain string appends (no
/// `String(format:)`, no XML library): the lap page's budget is 20 ms for six charts.
enum SVGChart {
    static let width = 800.0
    /// Room above the plot for corner labels, and the plot's inner margin.
    static let labelBand = 14.0
    static let margin = 3.0

    struct Rendered {
        var svg: String
        /// Points drawn per series, in `Chart.series` order (the tests check the budget and peaks).
        var pointCounts: [Int]
    }

    /// `zoomHref`: the page's address zoomed to a corner, for the corner labels' links.
    static func render(
        _ chart: Chart, corners: [CornerMark], strings: WebStrings, zoomHref: ((Int) -> String)? = nil
    ) -> Rendered {
        let top = (chart.labelsCorners ? labelBand : 0) + margin
        let bottom = chart.height - margin
        let span = chart.high - chart.low
        func y(_ value: Double) -> Double { span > 0 ? bottom - (value - chart.low) / span * (bottom - top) : bottom }
        func x(_ distance: Double) -> Double { chart.length > 0 ? (distance - chart.start) / chart.length * width : 0 }
        let end = chart.start + chart.length

        var svg = "<svg class=\"chart\" viewBox=\"0 0 800 "
        SVGNumber.append(chart.height, to: &svg)
        svg += "\" preserveAspectRatio=\"none\" role=\"img\" aria-labelledby=\"\(chart.id)-title\" id=\"\(chart.id)-svg\">"
        svg += "<title id=\"\(chart.id)-title\">\(HTMLText.escape(chart.title))</title>"
        if chart.zeroLine, chart.low < 0, chart.high > 0 {
            svg += "<line class=\"zero\" x1=\"0\" x2=\"800\" y1=\"\(SVGNumber.string(y(0)))\" y2=\"\(SVGNumber.string(y(0)))\"/>"
        }
        for corner in corners {
            guard let distance = corner.markerDistance, distance >= chart.start, distance <= end else { continue }
            let position = SVGNumber.string(x(distance))
            svg += "<line class=\"corner\" x1=\"\(position)\" x2=\"\(position)\" y1=\"\(SVGNumber.string(top))\" y2=\"\(SVGNumber.string(bottom))\"/>"
            if chart.labelsCorners {
                let label = corner.name.flatMap { $0.isEmpty ? nil : $0 } ?? "\(corner.number)"
                let text = "<text class=\"corner-label\" x=\"\(position)\" y=\"11\">\(HTMLText.escape(label))</text>"
                // Each label zooms to its corner (a link: focusable, works without script).
                if let zoomHref { svg += "<a href=\"\(HTMLText.escape(zoomHref(corner.number)))\" class=\"corner-zoom\">\(text)</a>" } else { svg += text }
            }
        }
        var counts: [Int] = []
        for series in chart.series {
            var points: [TraceSimplifier.Point] = []
            points.reserveCapacity(series.values.count)
            let first = max(0, Int((chart.start / chart.spacing).rounded(.down)))
            let last = min(series.values.count - 1, Int((end / chart.spacing).rounded(.up)))
            if first <= last {
                for index in first...last where series.values[index].isFinite {
                    points.append(.init(x: x(Double(index) * chart.spacing), y: y(series.values[index])))
                }
            }
            let simplified = TraceSimplifier.simplify(points)
            counts.append(simplified.count)
            guard !simplified.isEmpty else { continue }
            svg += "<path class=\"\(series.style)\" d=\"M"
            for (index, point) in simplified.enumerated() {
                if index > 0 { svg += " " }
                SVGNumber.append(point.x, to: &svg)
                svg += " "
                SVGNumber.append(point.y, to: &svg)
            }
            svg += "\"/>"
        }
        svg += "</svg>"
        return Rendered(svg: svg, pointCounts: counts)
    }
}
