import Foundation

/// `/sessions/{id}/corners`: per corner of the session, brake point, minimum speed, throttle
/// pick-up and time lost on every lap that measured it, and the trend of the time lost over the
/// session (a chart with its table).
public struct CornersPageInput: Sendable {
    public struct Pass: Sendable {
        public var lapID: Int64, lapNumber: Int32, isValid: Bool
        public var brakePoint: Double?, minimumSpeed: Double?, throttlePickup: Double?, timeLost: Double?
        public init(
            lapID: Int64, lapNumber: Int32, isValid: Bool, brakePoint: Double?, minimumSpeed: Double?, throttlePickup: Double?, timeLost: Double?
        ) {
            (self.lapID, self.lapNumber, self.isValid) = (lapID, lapNumber, isValid)
            (self.brakePoint, self.minimumSpeed, self.throttlePickup, self.timeLost) = (brakePoint, minimumSpeed, throttlePickup, timeLost)
        }
    }

    public struct Corner: Sendable {
        public var number: Int, name: String?, passes: [Pass]
        public init(number: Int, name: String?, passes: [Pass]) { (self.number, self.name, self.passes) = (number, name, passes) }
    }

    public var sessionID: String, track: String, car: String
    public var corners: [Corner]

    public init(sessionID: String, track: String, car: String, corners: [Corner]) {
        (self.sessionID, self.track, self.car, self.corners) = (sessionID, track, car, corners)
    }
}

/// The time lost at a corner over the session's valid laps: the least-squares slope, in seconds
/// per lap. Under 2 ms a lap either way is "steady" (sims time laps to 1 ms; corner times of a
/// driver who changes nothing vary by about 20 ms, so a smaller slope over a session is noise).
struct CornerTrend: Equatable {
    static let steadyBelow = 0.002

    let slope: Double

    init?(_ points: [(lap: Double, value: Double)]) {
        guard points.count >= 3 else { return nil }
        let n = Double(points.count)
        let meanX = points.map(\.lap).reduce(0, +) / n, meanY = points.map(\.value).reduce(0, +) / n
        let sxx = points.reduce(0) { $0 + ($1.lap - meanX) * ($1.lap - meanX) }
        guard sxx > 0 else { return nil }
        slope = points.reduce(0) { $0 + ($1.lap - meanX) * ($1.value - meanY) } / sxx
    }

    func intercept(_ points: [(lap: Double, value: Double)]) -> Double {
        let n = Double(points.count)
        return points.map(\.value).reduce(0, +) / n - slope * points.map(\.lap).reduce(0, +) / n
    }
}

struct CornersView {
    struct Row { let lapHref: String, lap: String, brakePoint: String, minimumSpeed: String, throttlePickup: String, timeLost: String, valid: Bool }
    struct Block { let number: String, title: String, trend: String, trendClass: String, chart: String, chartTable: String, rows: [Row] }

    let a: AnalysisStrings
    let sessionHref: String
    let heading: String
    let blocks: [Block]
    let none: Bool

    init(_ input: CornersPageInput, chrome: PageChrome) {
        let words = AnalysisStrings.of(chrome.language), format = chrome.format
        a = words
        sessionHref = "/sessions/\(input.sessionID)"
        heading = "\(words.cornersTitle) · \(input.track) · \(input.car)"
        let number = { (value: Double?, decimals: Int) in value.map { format.number($0, decimals: decimals) } ?? "–" }
        blocks = input.corners.map { corner in
            let points = corner.passes.filter(\.isValid).compactMap { pass in
                pass.timeLost.flatMap { $0.isFinite ? (lap: Double(pass.lapNumber), value: $0) : nil }
            }
            let trend = CornerTrend(points)
            let described: String, style: String
            if let trend {
                let word = trend.slope <= -CornerTrend.steadyBelow ? words.improving : trend.slope >= CornerTrend.steadyBelow ? words.worsening : words.steady
                described = "\(format.delta(trend.slope)) \(words.perLap) (\(word))"
                style = trend.slope <= -CornerTrend.steadyBelow ? "better" : trend.slope >= CornerTrend.steadyBelow ? "worse" : "steady"
            } else {
                described = words.tooFewLaps
                style = "steady"
            }
            let title = corner.name.map { "\(words.corner) \(corner.number) · \($0)" } ?? "\(words.corner) \(corner.number)"
            return Block(
                number: "\(corner.number)", title: title, trend: described, trendClass: style,
                chart: TrendSVG.render(points, trend: trend, corner: corner.number, label: "\(title): \(words.trendChart)"),
                chartTable: TrendSVG.table(points, corner: corner.number, words: words, format: format),
                rows: corner.passes.map { pass in
                    Row(
                        lapHref: "/laps/\(pass.lapID)", lap: "\(pass.lapNumber)", brakePoint: number(pass.brakePoint, 0),
                        minimumSpeed: number(pass.minimumSpeed, 1), throttlePickup: number(pass.throttlePickup, 0),
                        timeLost: format.delta(pass.timeLost), valid: pass.isValid)
                })
        }
        none = blocks.isEmpty
    }
}
