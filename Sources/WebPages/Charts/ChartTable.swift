/// A chart's table alternative: its series every `step` metres (about a hundred rows for any
/// lap, so the table stays readable and the page small), for screen readers and for reading
/// exact values.
enum ChartTable {
    /// Rows a table aims at.
    static let targetRows = 100.0

    /// A round step (10, 20, 50 m, ...) giving at most about `targetRows` rows.
    static func step(forLength length: Double) -> Double {
        let raw = max(length / targetRows, 1)
        var magnitude = 1.0
        while magnitude * 10 <= raw { magnitude *= 10 }
        for factor in [1.0, 2, 5, 10] where magnitude * factor >= raw { return magnitude * factor }
        return magnitude * 10
    }

    static func html(_ chart: Chart, format: WebFormat, strings: WebStrings) -> String {
        var html = "<table class=\"data\" id=\"\(chart.id)-table\"><caption>\(HTMLText.escape(chart.title))"
        if !chart.unit.isEmpty { html += " (\(HTMLText.escape(chart.unit)))" }
        html += "</caption><thead><tr><th scope=\"col\">\(HTMLText.escape(strings.columnDistance))</th>"
        for series in chart.series { html += "<th scope=\"col\">\(HTMLText.escape(series.label))</th>" }
        html += "</tr></thead><tbody>"
        let step = step(forLength: chart.length)
        // A zoomed chart's rows start at the first step inside its window.
        var distance = (chart.start / step).rounded(.up) * step
        while distance <= chart.start + chart.length {
            let index = Int((distance / chart.spacing).rounded())
            html += "<tr><th scope=\"row\">\(Int(distance))</th>"
            for series in chart.series {
                let value = index < series.values.count ? series.values[index] : .nan
                html += "<td>\(value.isFinite ? format.number(value, decimals: chart.decimals) : "–")</td>"
            }
            html += "</tr>"
            distance += step
        }
        return html + "</tbody></table>"
    }
}
