import Coaching
import LapSynthesis
import Foundation

/// The README's "try it" replay: Brands Hatch GP in a GT4, synthesised on the shipped reference
/// with mistakes from a fixed seed, so every run shows the same cues.
///
/// The server coaches only laps it saw start (a stream joining mid-lap begins with an out-lap), so the replay joins
/// 5 s before the line, drives two laps with 3 mistakes each, and runs 3 s into the next lap so
/// the second lap completes too: about 3 minutes in real time.
public enum DemoLap {
    public static let seed: UInt64 = 2026
    static let leadIn = 5.0
    static let runOut = 3.0

    public static func load(referenceDirectory: URL = URL(fileURLWithPath: "ReferenceLaps")) throws(LoadError) -> DriverLaps {
        let track = try RecoveredTrack(referenceFile: LapSource.defaultReference(in: referenceDirectory))
        var laps = track.drive(laps: 4, seed: seed, mistakeLaps: 2...3)
        let frames = laps.frames
        let lapTwo = frames.firstIndex { $0.lapNumber == 2 } ?? 0
        let lapFour = frames.firstIndex { $0.lapNumber == 4 } ?? frames.count
        let rate = LoadOptions.frameRate
        laps.replayRange = max(0, lapTwo - Int(leadIn * rate))..<min(frames.count, lapFour + Int(runOut * rate))
        return laps
    }

    /// "lap 1, corner 3: brakes 24 m early" for each injected mistake: what the cues should say.
    public static func describe(_ mistakes: [InjectedMistake]) -> [String] {
        mistakes.map { mistake in
            let what: String
            switch mistake {
            case .brakeEarly(_, _, let metres): what = String(format: "brakes %.0f m early", metres)
            case .brakeLate(_, _, let metres): what = String(format: "brakes %.0f m late", metres)
            case .slowApex(_, _, let kmh): what = String(format: "%.0f km/h slow at the apex", kmh)
            case .lateThrottle(_, _, let metres): what = String(format: "back on the throttle %.0f m late", metres)
            case .earlyRelease(_, _, let metres): what = String(format: "off the brake %.0f m early", metres)
            case .abruptRelease(_, _, let metres): what = String(format: "off the brake at once, %.0f m less release", metres)
            }
            return "lap \(mistake.lap), corner \(mistake.corner): \(what)"
        }
    }
}
