import Coaching
import Telemetry

extension SyntheticTrack {
    /// A real circuit from its measured line (a TUMFTM race line): the line's curvature
    /// sampled at every whole metre. The lap is the line's length rounded to whole metres (the
    /// samples are spread evenly over the true length), so the 1 m grid of the reference lap
    /// meets the start/finish line at both ends; the rounding moves no point by more than 0.5 m.
    public init(name: String, configuration: String, line: TrackLine, halfWindow: Double = TrackLine.curvatureHalfWindow) throws(CurvatureProfileError) {
        let count = Int(line.length.rounded())
        let step = count > 0 ? line.length / Double(count) : 0
        let samples = (0..<max(0, count)).map { line.curvature(at: Double($0) * step, halfWindow: halfWindow) }
        try self.init(name: name, configuration: configuration, curvatureProfile: samples, spacing: 1)
    }
}
