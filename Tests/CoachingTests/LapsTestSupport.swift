import Coaching
import Telemetry

/// A car driven at constant speed round a track, sampled at 60 Hz, with crossing times known in
/// closed form. Speeds are chosen so that each frame advances an exact binary fraction of a metre
/// (60 m/s = 1 m, 30 m/s = 0.5 m per frame): the Float distances are then exact and lap times can
/// be checked to 1e-6 s against the formula, not against the code under test.
struct ConstantSpeedSession {
    var trackLength: Double
    var speed: Double
    /// Distance from the line of the first frame (the pit stall, say).
    var startDistance: Double
    var startLap: Int32 = 5
    var startTime: Double = 100
    static let frameRate = 60.0

    /// Session time of the `k`-th line crossing after the start (k = 1, 2, ...).
    func crossingTime(_ k: Int) -> Double {
        startTime + (Double(k) * trackLength - startDistance) / speed
    }

    var lapTime: Double { trackLength / speed }

    /// Frame `index` (0-based); the lap counter increments at each crossing, as iRacing's does.
    func frame(_ index: Int) -> TelemetryFrame {
        let travelled = startDistance + speed / Self.frameRate * Double(index)
        let laps = (travelled / trackLength).rounded(.down)
        let distance = travelled - laps * trackLength
        return TelemetryFrame(
            sessionTime: startTime + Double(index) / Self.frameRate,
            lapNumber: startLap + Int32(laps),
            lapDistance: Float(distance),
            lapDistanceFraction: Float(distance / trackLength),
            speed: Float(speed), throttle: 1, brake: 0, steering: 0.1, gear: 4)
    }

    func frames(count: Int) -> [TelemetryFrame] { (0..<count).map(frame) }

    /// Frames up to `seconds` of session time.
    func frames(seconds: Double) -> [TelemetryFrame] { frames(count: Int(seconds * Self.frameRate)) }
}

extension LapTracker {
    /// Feeds all frames and returns every event in order.
    mutating func ingest(all frames: [TelemetryFrame]) -> [LapTrackerEvent] {
        frames.flatMap { ingest($0) }
    }
}

extension LapTrackerEvent {
    var completed: LapRecord? { if case .lapCompleted(let record) = self { record } else { nil } }
    var abandoned: LapRecord? { if case .lapAbandoned(let record) = self { record } else { nil } }
    var started: (lapNumber: Int32, startTime: Double)? {
        if case .lapStarted(let number, let time) = self { (number, time) } else { nil }
    }
}
