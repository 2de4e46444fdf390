import Foundation
import Telemetry

/// The one-line form of a lap that `import` and `laps` print:
/// `Langley Speedway | Modified - SK | lap 174 | 15.187 s` and, in the lap list, the status:
/// `... | lap 173 | -- | out-lap`. Times are seconds to three decimals (the sims' own precision).
public enum LapLine {
    public static func imported(track: TrackDescriptor, car: String, lap: Int, lapTime: Double) -> String {
        [trackLabel(track), car.isEmpty ? "unknown car" : car, "lap \(lap)", seconds(lapTime)].joined(separator: " | ")
    }

    public static func listed(track: TrackDescriptor, car: String, lap: RecordedLap) -> String {
        let time = lap.lapTime.map(seconds) ?? "--"
        return [trackLabel(track), car.isEmpty ? "unknown car" : car, "lap \(lap.number)", time, lap.status.label]
            .joined(separator: " | ")
    }

    /// "Langley Speedway" or "Spa-Francorchamps (GP)".
    public static func trackLabel(_ track: TrackDescriptor) -> String {
        track.configuration.isEmpty ? track.name : "\(track.name) (\(track.configuration))"
    }

    /// "15.187 s"; non-finite times print as "--".
    public static func seconds(_ value: Double) -> String {
        value.isFinite ? String(format: "%.3f s", value) : "--"
    }
}
