import Telemetry

extension LapTracker {
    /// The session's first lap, judged from its first two frames.
    ///
    /// A stream or recording that starts at the line is a timed lap, not an out-lap: when the
    /// first frame lies no further past the line than the car travels in one frame interval
    /// (times `stepSpeedFactor`, 2, the margin the plausible step of `FrameStepClassifier` gives
    /// speed changes and uneven frame times), the line was crossed just before it, by a frame
    /// the client did not send. The crossing is placed by extrapolating the first frame back to
    /// the line at its speed, which is the interpolation at the line with the unseen frame at the
    /// same speed. A car standing still (no speed) is not at the line in this sense, however
    /// close: no crossing can be timed. Anything else started wherever the car was: an out-lap.
    func firstLap(from first: TelemetryFrame, next: TelemetryFrame) -> LapInProgress {
        guard let crossing = lineCrossing(before: first, next: next) else {
            return LapInProgress(
                lapNumber: first.lapNumber, startTime: first.sessionTime, startedAtLine: false, invalidReason: .outLap,
                packer: framePacker)
        }
        return LapInProgress(lapNumber: first.lapNumber, startTime: crossing, startedAtLine: true, packer: framePacker)
    }

    /// Session time at which the car crossed the line just before `first`, or nil when `first` is
    /// further past the line than one frame's travel (or the car stands, or the two frames are not
    /// one step of driving).
    func lineCrossing(before first: TelemetryFrame, next: TelemetryFrame) -> Double? {
        let distance = Double(first.lapDistance)
        let interval = next.sessionTime - first.sessionTime
        guard distance >= 0, interval > 0, next.lapDistance >= first.lapDistance else { return nil }
        let speed = Double(first.speed.isFinite ? max(first.speed, 0) : 0)
        let nextSpeed = Double(next.speed.isFinite ? max(next.speed, 0) : 0)
        let oneFrame = configuration.stepSpeedFactor * max(speed, nextSpeed) * interval
        // The step to the second frame must be driving, not a jump (`stepSlack` for sensor noise).
        guard speed > 0, distance <= oneFrame, Double(next.lapDistance) - distance <= oneFrame + configuration.stepSlack
        else { return nil }
        return first.sessionTime - distance / speed
    }
}
