import Foundation

/// `/coach report` as text: a header and one line per corner, worst first, within 2000 characters.
enum CoachingReportFormatter {
    static func text(_ report: CoachingReport) -> String {
        let best = report.bestLapTime.map(LapTimeFormat.string) ?? "–"
        let header = "**\(FeedFormatter.escape(report.driverName))** · \(FeedFormatter.escape(report.trackName)) · "
            + "\(FeedFormatter.escape(report.car)) · \(report.lapCount) laps · best \(best)"
        let corners = report.corners.sorted { ($0.averageTimeDelta ?? 0) > ($1.averageTimeDelta ?? 0) }.map { corner in
            let name = corner.name.map { " \(FeedFormatter.escape($0))" } ?? ""
            let delta = corner.averageTimeDelta.map { String(format: " %+.3f s", $0) } ?? ""
            let advice = corner.advice.map { " – \(FeedFormatter.escape($0))" } ?? ""
            return "T\(corner.number)\(name):\(delta)\(advice)"
        }
        return MessageSplitter.chunk(lines: [header] + corners, limit: MessageLimits.content).first ?? header
    }
}
