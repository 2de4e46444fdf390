/// `/laps/{id}` and `/laps/compare?a=&b=`: a lap's traces against distance beside the
/// reference (or beside lap A), the delta-time trace above them, corner markers, and a table
/// alternative for every chart.
public struct LapPageInput: Sendable {
    public enum Kind: Sendable {
        /// The lap against its session's reference.
        case againstReference
        /// Lap B (this input's lap) against lap A (`reference` holds A's traces).
        case compare(lapA: Int32)
    }

    public var kind: Kind
    public var sessionID: String
    public var track: String
    public var car: String
    public var lapNumber: Int32
    public var lapTime: Double?
    /// Against the reference, or B minus A when comparing.
    public var delta: Double?
    /// nil: the telemetry could not be put on the grid.
    public var lap: LapTraces?
    public var reference: LapTraces?
    public var corners: [CornerMark]
    /// `?corner=N`: the charts show that corner's window; nil (or a corner the lap does not
    /// have) shows the whole lap.
    public var zoomCorner: Int?

    public init(
        kind: Kind, sessionID: String, track: String, car: String, lapNumber: Int32, lapTime: Double?, delta: Double?,
        lap: LapTraces?, reference: LapTraces?, corners: [CornerMark], zoomCorner: Int? = nil
    ) {
        self.zoomCorner = zoomCorner
        self.kind = kind
        self.sessionID = sessionID
        self.track = track
        self.car = car
        self.lapNumber = lapNumber
        self.lapTime = lapTime
        self.delta = delta
        self.lap = lap
        self.reference = reference
        self.corners = corners
    }
}

struct LapView {
    struct ChartView {
        let id: String, title: String, svg: String, table: String, points: Int
    }

    struct Corner {
        let number: Int, name: String, timeLost: String, minimumSpeed: String, brakePoint: String
    }

    let s: WebStrings
    let sessionID: String
    let heading: String, subtitle: String
    let lapTime: String, delta: String, deltaLabel: String
    let notice: String?
    let lapLabel: String, referenceLabel: String
    let hasReference: Bool
    let hasCharts: Bool
    let charts: [ChartView]
    let hasCorners: Bool
    let corners: [Corner]
    /// Zoom links, one per corner, and the way back to the whole lap.
    struct ZoomLink { let number: Int, label: String, href: String, current: Bool }
    let a: AnalysisStrings
    let zoomLinks: [ZoomLink]
    let zoomed: String?
    let wholeLapHref: String

    init(_ input: LapPageInput, chrome: PageChrome) {
        let format = chrome.format, strings = chrome.strings
        s = strings
        sessionID = input.sessionID
        let thisLap = strings.lapTitle.replacingOccurrences(of: "%d", with: "\(input.lapNumber)")
        switch input.kind {
        case .againstReference:
            heading = thisLap
            lapLabel = strings.thisLap
            referenceLabel = strings.reference
            deltaLabel = strings.columnDelta
        case .compare(let lapA):
            heading = strings.compareTitle.replacingOccurrences(of: "%a", with: "\(lapA)")
                .replacingOccurrences(of: "%b", with: "\(input.lapNumber)")
            lapLabel = thisLap
            referenceLabel = strings.lapTitle.replacingOccurrences(of: "%d", with: "\(lapA)")
            deltaLabel = "Δ " + referenceLabel
        }
        subtitle = "\(input.track) · \(input.car)"
        lapTime = format.lapTime(input.lapTime)
        delta = format.delta(input.delta)
        hasReference = input.reference != nil
        notice = input.lap == nil ? strings.noTelemetry : (input.reference == nil ? strings.noReference : nil)
        let (lapName, referenceName) = (lapLabel, referenceLabel)
        let analysis = AnalysisStrings.of(chrome.language)
        a = analysis
        let base = Self.withoutZoom(chrome.path)
        let zoomHref = { (corner: Int) in base + (base.contains("?") ? "&" : "?") + "corner=\(corner)" }
        wholeLapHref = base
        var made = input.lap.map { LapCharts.make(lap: $0, reference: input.reference, lapLabel: lapName, referenceLabel: referenceName, strings: strings) } ?? []
        let zoomMark = input.zoomCorner.flatMap { number in input.corners.first { $0.number == number } }
        let window = zoomMark.flatMap { mark in made.first.flatMap { mark.zoomWindow(lapLength: $0.length) } }
        if let window {
            for index in made.indices {
                made[index].start = window.lowerBound
                made[index].length = window.upperBound - window.lowerBound
                made[index].labelsCorners = index == 0
            }
        }
        zoomed = window.flatMap { window in
            zoomMark.map { mark in
                TeamView.fill(analysis.zoomedTo, [
                    strings.cornerName(mark.number, name: mark.name), format.number(window.lowerBound, decimals: 0),
                    format.number(window.upperBound, decimals: 0),
                ])
            }
        }
        zoomLinks = input.lap == nil ? [] : input.corners.map {
            ZoomLink(number: $0.number, label: strings.cornerName($0.number, name: $0.name), href: zoomHref($0.number), current: window != nil && $0.number == zoomMark?.number)
        }
        charts = made.map { chart in
            let rendered = SVGChart.render(chart, corners: input.corners, strings: strings, zoomHref: zoomHref)
            return ChartView(
                id: chart.id, title: chart.title, svg: rendered.svg, table: ChartTable.html(chart, format: format, strings: strings),
                points: rendered.pointCounts.reduce(0, +))
        }
        hasCharts = !charts.isEmpty
        corners = input.corners.map {
            Corner(
                number: $0.number, name: strings.cornerName($0.number, name: $0.name),
                timeLost: $0.timeLost.map { format.delta($0) + " " + strings.seconds } ?? "–",
                minimumSpeed: $0.minimumSpeed.map { format.number($0, decimals: 0) + " " + strings.kilometresPerHour } ?? "–",
                brakePoint: $0.brakePoint.map { format.number($0, decimals: 0) + " " + strings.metres } ?? "–")
        }
        hasCorners = !corners.isEmpty
    }

    /// The page's address without its `corner=` parameter.
    static func withoutZoom(_ path: String) -> String {
        guard let mark = path.firstIndex(of: "?") else { return path }
        let kept = path[path.index(after: mark)...].split(separator: "&").filter { !$0.hasPrefix("corner=") }
        return String(path[..<mark]) + (kept.isEmpty ? "" : "?" + kept.joined(separator: "&"))
    }
}

/// The six charts of a lap page, top to bottom: delta (only with a reference), speed,
/// throttle, brake, gear, steering.
enum LapCharts {
    static func make(lap: LapTraces, reference: LapTraces?, lapLabel: String, referenceLabel: String, strings: WebStrings) -> [Chart] {
        let length = max(lap.length, reference?.length ?? 0)
        func series(_ channel: KeyPath<LapTraces, [Double]>) -> [Chart.Series] {
            var lines: [Chart.Series] = []
            if let reference { lines.append(.init(label: referenceLabel, style: "ref", values: reference[keyPath: channel])) }
            lines.append(.init(label: lapLabel, style: "lap", values: lap[keyPath: channel]))
            return lines
        }
        func chart(
            _ id: String, _ title: String, _ unit: String, _ lines: [Chart.Series], height: Double, decimals: Int,
            symmetric: Bool = false, minimumSpan: Double, fixed: (Double, Double)? = nil
        ) -> Chart {
            let (low, high) = fixed ?? Chart.range(lines, symmetric: symmetric, minimumSpan: minimumSpan)
            return Chart(
                id: id, title: unit.isEmpty ? title : "\(title) (\(unit))", unit: unit, low: low, high: high, series: lines,
                spacing: lap.spacing, length: length, height: height, decimals: decimals, zeroLine: symmetric)
        }
        var charts: [Chart] = []
        if let reference {
            var delta = chart(
                "delta", strings.deltaChart, strings.seconds, [.init(label: lapLabel, style: "delta", values: lap.delta(against: reference))],
                height: 110, decimals: 3, symmetric: true, minimumSpan: 0.1)
            delta.labelsCorners = true
            charts.append(delta)
        }
        var speed = chart("speed", strings.speedChart, strings.kilometresPerHour, series(\.speed), height: 160, decimals: 0, minimumSpan: 50)
        speed.labelsCorners = reference == nil
        charts.append(speed)
        charts.append(chart("throttle", strings.throttleChart, "%", series(\.throttle), height: 80, decimals: 0, minimumSpan: 100, fixed: (0, 100)))
        charts.append(chart("brake", strings.brakeChart, "%", series(\.brake), height: 80, decimals: 0, minimumSpan: 100, fixed: (0, 100)))
        charts.append(chart("gear", strings.gearChart, "", series(\.gear), height: 70, decimals: 0, minimumSpan: 1))
        charts.append(chart("steering", strings.steeringChart, "°", series(\.steering), height: 90, decimals: 0, symmetric: true, minimumSpan: 10))
        return charts
    }
}
