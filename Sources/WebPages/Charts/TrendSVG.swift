/// A corner's time lost lap by lap as a small SVG (laps across, seconds up, a dot per lap, the
/// least-squares line), and its table alternative. A session has at most a few hundred laps:
/// every point is drawn.
enum TrendSVG {
    static let width = 400.0, height = 120.0, margin = 8.0

    static func render(_ points: [(lap: Double, value: Double)], trend: CornerTrend?, corner: Int, label: String) -> String {
        guard let first = points.first else { return "" }
        let laps = points.map(\.lap), values = points.map(\.value) + [0]
        let (lowX, highX) = (laps.min() ?? first.lap, max(laps.max() ?? first.lap, (laps.min() ?? first.lap) + 1))
        let (lowY, highY) = (values.min() ?? 0, max(values.max() ?? 0, (values.min() ?? 0) + 0.05))
        func x(_ lap: Double) -> Double { margin + (lap - lowX) / (highX - lowX) * (width - 2 * margin) }
        func y(_ value: Double) -> Double { height - margin - (value - lowY) / (highY - lowY) * (height - 2 * margin) }
        var svg = #"<svg class="trend" id="trend-\#(corner)" viewBox="0 0 \#(Int(width)) \#(Int(height))" role="img" aria-label="\#(HTMLText.escape(label))" data-points="\#(points.count)">"#
        svg += #"<line class="zero" x1="\#(SVGNumber.string(margin))" x2="\#(SVGNumber.string(width - margin))" y1="\#(SVGNumber.string(y(0)))" y2="\#(SVGNumber.string(y(0)))"/>"#
        let path = points.enumerated().map { index, point in "\(index == 0 ? "M" : "L")\(SVGNumber.string(x(point.lap))) \(SVGNumber.string(y(point.value)))" }
        svg += #"<path class="lap" d="\#(path.joined(separator: " "))"/>"#
        for point in points { svg += #"<circle class="lap-dot" r="3" cx="\#(SVGNumber.string(x(point.lap)))" cy="\#(SVGNumber.string(y(point.value)))"/>"# }
        if let trend {
            let b = trend.intercept(points)
            svg += #"<line class="fit" x1="\#(SVGNumber.string(x(lowX)))" y1="\#(SVGNumber.string(y(b + trend.slope * lowX)))" x2="\#(SVGNumber.string(x(highX)))" y2="\#(SVGNumber.string(y(b + trend.slope * highX)))"/>"#
        }
        return svg + "</svg>"
    }

    static func table(_ points: [(lap: Double, value: Double)], corner: Int, words: AnalysisStrings, format: WebFormat) -> String {
        guard !points.isEmpty else { return "" }
        var html = #"<table class="list" id="trend-table-\#(corner)"><thead><tr><th scope="col" class="num">\#(words.lap)</th><th scope="col" class="num">\#(words.timeLost)</th></tr></thead><tbody>"#
        for point in points { html += #"<tr><td class="num">\#(Int(point.lap))</td><td class="num">\#(format.delta(point.value))</td></tr>"# }
        return html + "</tbody></table>"
    }
}
