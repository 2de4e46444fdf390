import Coaching
import Telemetry

/// A lap's channels on the 1 m distance grid of `ReferenceLap` (sample `i` is at `i × spacing`
/// metres from the line), in the units the charts show: so a lap and its reference line up by
/// index, and the delta is a subtraction.
public struct LapTraces: Sendable, Equatable {
    public var spacing: Double
    /// Elapsed lap time, s.
    public var time: [Double]
    /// km/h
    public var speed: [Double]
    /// Percent.
    public var throttle: [Double]
    public var brake: [Double]
    public var gear: [Double]
    /// Degrees (positive: left, as the sims report it).
    public var steering: [Double]

    public var count: Int { time.count }
    /// Metres covered by the grid.
    public var length: Double { Double(max(count - 1, 0)) * spacing }

    public init(_ lap: ReferenceLap) {
        spacing = lap.gridSpacing
        time = lap.time.map(Double.init)
        speed = lap.speed.map { Double($0) * 3.6 }
        throttle = lap.throttle.map { Double($0) * 100 }
        brake = lap.brake.map { Double($0) * 100 }
        gear = lap.gear.map(Double.init)
        steering = lap.steering.map { Double($0) * 180 / .pi }
    }

    /// A stored lap's frames put on the grid by Coaching's `ReferenceResampler` (the same
    /// alignment the live coach uses); nil when the frames cannot make a grid (too few, a hole).
    public static func recorded(frames: [TelemetryFrame], startTime: Double, lapTime: Double?, trackLength: Double) -> LapTraces? {
        let metadata = ReferenceLapMetadata(
            sim: "", track: TrackDescriptor(name: "", configuration: "", length: trackLength), car: "", lapTime: lapTime ?? 0,
            source: "lap", date: "")
        let lap = try? ReferenceResampler.resample(
            lapFrames: frames, lapStartTime: startTime, lapEndTime: lapTime.map { startTime + $0 }, trackLength: trackLength,
            metadata: metadata)
        return lap.map(LapTraces.init)
    }

    /// This lap's elapsed time minus `reference`'s at each metre both cover (+ = behind).
    public func delta(against reference: LapTraces) -> [Double] {
        guard spacing == reference.spacing else { return [] }
        return (0..<min(count, reference.count)).map { time[$0] - reference.time[$0] }
    }
}
