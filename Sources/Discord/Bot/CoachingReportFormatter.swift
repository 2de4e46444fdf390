import Foundation

/// `/coach report` as text, in the reader's language: a header and one line per corner, worst first,
/// within 2000 characters. (Corner names and advice come as stored.)
enum CoachingReportFormatter {
    static func text(_ report: CoachingReport, strings: BotStrings) -> String {
        let best = report.bestLapTime.map { LapTimeFormat.string($0, strings: strings) } ?? "–"
        let header = strings(.reportHeader, [
            "driver": FeedFormatter.escape(report.driverName), "track": FeedFormatter.escape(report.trackName),
            "car": FeedFormatter.escape(report.car), "laps": "\(report.lapCount)", "best": best,
        ])
        let corners = report.corners.sorted { ($0.averageTimeDelta ?? 0) > ($1.averageTimeDelta ?? 0) }.map { corner in
            let name = corner.name.map { " \(FeedFormatter.escape($0))" } ?? ""
            let delta = corner.averageTimeDelta.map { strings(.reportDelta, ["delta": strings.signed($0, digits: 3)]) } ?? ""
            let advice = corner.advice.map { " – \(FeedFormatter.escape($0))" } ?? ""
            return "T\(corner.number)\(name):\(delta)\(advice)"
        }
        return MessageSplitter.chunk(lines: [header] + corners, limit: MessageLimits.content).first ?? header
    }
}
