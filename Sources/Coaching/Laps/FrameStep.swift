import Telemetry

/// What lies between two consecutive accepted frames of one car.
enum FrameStep: Equatable {
    /// An ordinary step along the lap (`gap` when it skipped more track than a valid lap may).
    case along(gap: Bool)
    /// The car crossed the start/finish line at `time` (interpolated session time). `gapBefore`
    /// / `gapAfter`: the line was crossed with a data hole on the ending / starting side.
    case crossing(time: Double, gapBefore: Bool, gapAfter: Bool)
    /// The lap counter already moved but the distance has not wrapped yet (it will in a frame or two).
    case counterAhead
    /// A jump no car can drive in that time: a reset, tow or teleport.
    case discontinuity
}

/// Classifies the step between two frames on a track of known length. Pure; see
/// `LapTrackingConfiguration` for where each threshold comes from.
struct FrameStepClassifier {
    let trackLength: Double
    let configuration: LapTrackingConfiguration

    /// Start of the window before the line in which a lap's last frame must lie for a wrap.
    var endWindowStart: Double {
        trackLength - max(configuration.lineWindow, configuration.endWindowFraction * trackLength)
    }

    /// - Parameter counterAlreadyUp: the counter moved on an earlier frame of this lap's end.
    func classify(from previous: TelemetryFrame, to next: TelemetryFrame, counterAlreadyUp: Bool) -> FrameStep {
        let d0 = Double(previous.lapDistance)
        let d1 = Double(next.lapDistance)
        let interval = next.sessionTime - previous.sessionTime
        let allowedStep = configuration.stepSpeedFactor * max(Self.speed(previous), Self.speed(next)) * interval
            + configuration.stepSlack
        let counterUp = counterAlreadyUp || Int64(next.lapNumber) == Int64(previous.lapNumber) + 1

        let wrapsNearLine = d0 >= endWindowStart && d1 <= configuration.lineWindow
        // A tow to a pit stall just past the line also "wraps"; without the counter, only a car that
        // is no further past the line than it could have driven since the last frame crossed it.
        if wrapsNearLine, counterUp || max(d1, 0) <= allowedStep {
            return crossing(from: previous, to: next, useFraction: false)
        }
        if counterUp, d1 < d0 - allowedStep {
            // The counter says the line was crossed and the distance fell back, though not from and
            // to the windows (distances scaled from a fraction with a wrong length, say).
            return crossing(from: previous, to: next, useFraction: true)
        }
        if counterUp, d1 >= endWindowStart { return .counterAhead }
        let step = d1 - d0
        if abs(step) > allowedStep { return .discontinuity }
        return .along(gap: step > configuration.maximumDataGap)
    }

    /// Line crossing time `t0 + a / (a + b) × (t1 - t0)`, where `a` is what was left of the lap at
    /// the earlier frame and `b` how far past the line the later one is. In metres this matches the
    /// sim's own lap times within about 1 ms; the fraction channel is used instead (when both
    /// frames have it) if the distances do not straddle the line where they should.
    private func crossing(from previous: TelemetryFrame, to next: TelemetryFrame, useFraction: Bool) -> FrameStep {
        let d0 = Double(previous.lapDistance)
        let d1 = Double(next.lapDistance)
        var before = max(trackLength - d0, 0)
        var after = max(d1, 0)
        let gapBefore = before > configuration.maximumDataGap
        let gapAfter = after > configuration.maximumDataGap
        let p0 = Double(previous.lapDistanceFraction)
        let p1 = Double(next.lapDistanceFraction)
        if useFraction, p0.isFinite, p1.isFinite, p0 > p1 {
            before = max(1 - p0, 0)
            after = max(p1, 0)
        }
        let interval = next.sessionTime - previous.sessionTime
        let share = before + after > 0 ? before / (before + after) : 0.5
        return .crossing(time: previous.sessionTime + share * interval, gapBefore: gapBefore, gapAfter: gapAfter)
    }

    /// Speed usable for the plausibility bound: NaN or negative count as standing still.
    private static func speed(_ frame: TelemetryFrame) -> Double {
        frame.speed.isFinite ? max(Double(frame.speed), 0) : 0
    }
}
