import Foundation
import Integration

/// Turns feed events into the lines of a channel's batched message, in the guild's language (a
/// channel has no single reader) with its decimal conventions.
enum FeedFormatter {
    static func line(for event: CoachingFeedEvent, strings: BotStrings) -> String {
        switch event {
        case .lapCompleted(let lap):
            let time = lap.lapTime.map { LapTimeFormat.string($0, strings: strings) } ?? strings(.feedNoTime)
            let delta = lap.deltaToReference.map { strings(.feedDelta, ["delta": strings.signed($0, digits: 3)]) } ?? ""
            return strings(.feedLap, [
                "driver": escape(lap.driverName), "lap": "\(lap.lapNumber)", "track": escape(lap.trackName), "time": time,
                "delta": delta, "invalid": lap.valid ? "" : strings(.feedInvalid),
            ])
        case .cue(let cue):
            let corner = cue.cornerNumber.map { " T\($0)" } ?? ""
            return strings(.feedCue, ["driver": escape(cue.driverName), "lap": "\(cue.lapNumber)", "corner": corner, "text": escape(cue.text)])
        case .sessionEnded(let end):
            return strings(.feedEnded, ["driver": escape(end.driverName)])
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

    /// The same in a language's conventions: Turkish writes the decimal comma (1:32,457).
    static func string(_ seconds: Double, strings: BotStrings) -> String {
        let text = string(seconds)
        return strings.language == .turkish ? text.replacingOccurrences(of: ".", with: ",") : text
    }
}
