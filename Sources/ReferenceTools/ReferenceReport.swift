import Foundation
import Telemetry

/// What `trailbrake reference show` prints: the metadata, a summary of each channel, and the
/// track map's corners with the names and landmarks people gave them.
public enum ReferenceReport {
    public static func lines(reference: ReferenceLap, trackMap: TrackMap?) -> [String] {
        let m = reference.metadata
        var lines = [
            "sim: \(m.sim)",
            "track: \(LapLine.trackLabel(m.track)), \(format(m.track.length, 0)) m",
            "car: \(m.car)",
            "lap time: \(LapLine.seconds(m.lapTime))",
            "source: \(m.source)",
            "date: \(m.date)",
        ]
        if let aliases = m.trackAliases, !aliases.isEmpty {
            lines.append("also matches: " + aliases.map(\.label).joined(separator: "; "))
        }
        lines.append("grid: \(reference.count) points, \(format(reference.gridSpacing, 0)) m apart")
        let gear = reference.gear.map(Float.init)
        for (name, values, decimals) in [
            ("speed m/s", reference.speed, 2), ("throttle", reference.throttle, 3), ("brake", reference.brake, 3),
            ("steering", reference.steering, 3), ("gear", gear, 0),
        ] {
            let (low, high, mean) = summary(values)
            lines.append("\(name.padding(toLength: 10, withPad: " ", startingAt: 0)) \(format(low, decimals)) .. \(format(high, decimals)), mean \(format(mean, decimals))")
        }
        guard let trackMap else {
            lines.append("track map: none")
            return lines
        }
        lines.append("corners: \(trackMap.corners.count)")
        for corner in trackMap.corners {
            var line = "T\(corner.number)"
            if let name = corner.name { line += " \(name)" }
            line += ": entry \(format(corner.entry, 0)) m, apex \(format(corner.apex, 0)) m, exit \(format(corner.exit, 0)) m"
            line += corner.brakePoint.map { ", brake at \(format($0, 0)) m" } ?? ", flat"
            if let landmark = corner.landmark { line += " (\(landmark))" }
            lines.append(line)
        }
        return lines
    }

    static func summary(_ values: [Float]) -> (Double, Double, Double) {
        guard let low = values.min(), let high = values.max() else { return (0, 0, 0) }
        let mean = values.reduce(0.0) { $0 + Double($1) } / Double(values.count)
        return (Double(low), Double(high), mean)
    }

    static func format(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}
