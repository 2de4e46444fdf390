import Foundation
import Integration

/// Turns feed events into the lines of a channel's batched message.
enum FeedFormatter {
    static func line(for event: CoachingFeedEvent) -> String {
        switch event {
        case .lapCompleted(let lap):
            let time = lap.lapTime.map(LapTimeFormat.string) ?? "no time"
            let delta = lap.deltaToReference.map { String(format: " (%+.3f s to ref)", $0) } ?? ""
            let validity = lap.valid ? "" : " · invalid"
            return "🏁 **\(escape(lap.driverName))** lap \(lap.lapNumber) at \(escape(lap.trackName)): \(time)\(delta)\(validity)"
        case .cue(let cue):
            let corner = cue.cornerNumber.map { " T\($0)" } ?? ""
            return "📣 **\(escape(cue.driverName))** lap \(cue.lapNumber)\(corner): \(escape(cue.text))"
        case .sessionEnded(let end):
            return "**\(escape(end.driverName))** ended the session"
        }
    }

    /// Neutralises Discord markdown in names and cue text.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "*_`~|>\\".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}

/// Lap times as racers write them: `m:ss.sss`.
public enum LapTimeFormat {
    public static func string(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0, seconds < 360_000 else { return "–" }
        let milliseconds = Int((seconds * 1_000).rounded())
        let minutes = milliseconds / 60_000
        let rest = milliseconds % 60_000
        return String(format: "%d:%02d.%03d", minutes, rest / 1_000, rest % 1_000)
    }
}
