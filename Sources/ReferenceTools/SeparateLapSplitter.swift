import Coaching
import Telemetry

/// Laps exported one by one (MoTeC, Garage 61-style and the normalised road CSVs): each lap's
/// distance starts at the line, its time runs from the lap's start, and the export's lap
/// column says which lap a row belongs to.
///
/// - Length: the declared one, else the median of the laps' farthest distance (driven distance
///   differs by a few metres from lap to lap with the line taken).
/// - Complete: starts within one plausible frame step of the line and reaches the length less
///   1 % (the protocol's own tolerance on distances: a lap's driven distance falls that much
///   short of another's with the line taken).
/// - Lap time: from the line crossing (interpolated between the first rows, or extrapolated
///   back at the first row's speed) to the lap's last row: what MoTeC reports as the lap's
///   duration.
/// - Reset: a step backwards (an export has no tows, but a car put back on track after an off
///   jumps back: GT7 Brands Hatch lap 1, 80 m). Data gap: a step forwards longer than
///   `maximumDataGap`. Shorter forward jumps are the export's distance noise, not a reset: GT7's
///   projected distance sticks for a few rows at the line and then jumps 8 m (Tsukuba lap 2).
/// - Pit: any row on pit road.
struct SeparateLapSplitter {
    /// Fraction of the lap by which a complete lap's distance may fall short of the length.
    static let lengthTolerance = 0.01

    let recording: LapRecording
    let configuration: LapTrackingConfiguration

    func split() throws(ReferenceToolError) -> LapSplitter.Result {
        let groups = lapGroups()
        guard !groups.isEmpty else { throw .noLaps(path: recording.fileName) }
        let length = recording.track.length > 0 ? recording.track.length : medianLength(groups)
        guard length > 0 else { throw .unknownTrackLength(path: recording.fileName) }
        let laps = groups.map { judge(number: $0.number, frames: $0.frames, length: length) }
        return LapSplitter.Result(laps: laps, lapLength: length)
    }

    /// Rows grouped by lap in the order the laps first appear.
    func lapGroups() -> [(number: Int, frames: [TelemetryFrame])] {
        var groups: [(number: Int, frames: [TelemetryFrame])] = []
        for frame in recording.frames where frame.lapDistance.isFinite && frame.sessionTime.isFinite {
            if groups.last?.number == Int(frame.lapNumber) {
                groups[groups.count - 1].frames.append(frame)
            } else {
                groups.append((Int(frame.lapNumber), [frame]))
            }
        }
        return groups
    }

    func medianLength(_ groups: [(number: Int, frames: [TelemetryFrame])]) -> Double {
        let lengths = groups.compactMap { $0.frames.map(\.lapDistance).max() }.map(Double.init).sorted()
        guard !lengths.isEmpty else { return 0 }
        return lengths[lengths.count / 2]
    }

    func judge(number: Int, frames: [TelemetryFrame], length: Double) -> RecordedLap {
        let first = frames[0], last = frames[frames.count - 1]
        let start = startCrossing(frames)
        var status = LapStatus.valid
        if frames.contains(where: { $0.presentChannels.contains(.onPitRoad) && $0.onPitRoad }) { status = .pit }
        for (a, b) in zip(frames, frames.dropFirst()) {
            let step = Double(b.lapDistance - a.lapDistance)
            if step < -configuration.stepSlack { status = .reset; break }
            if step > configuration.maximumDataGap { status = .dataGap; break }
        }
        let startsAtLine = Double(first.lapDistance) <= firstStep(frames) + configuration.stepSlack
        let endsAtLine = Double(last.lapDistance) >= length * (1 - Self.lengthTolerance)
        if status == .valid, !startsAtLine { status = .outLap }
        if status == .valid, !endsAtLine { status = .incomplete }
        let timed = startsAtLine && endsAtLine && status != .reset && status != .dataGap
        return RecordedLap(
            number: number, status: status, startTime: start, endTime: endsAtLine ? last.sessionTime : nil,
            lapTime: timed ? last.sessionTime - start : nil, frames: frames)
    }

    /// Metres a car may move between the first two rows.
    func firstStep(_ frames: [TelemetryFrame]) -> Double {
        guard frames.count > 1 else { return 0 }
        return configuration.stepSpeedFactor * Double(frames[0].speed) * (frames[1].sessionTime - frames[0].sessionTime)
    }

    /// Session time at distance 0: between the rows around it, or back from the first row at its speed.
    func startCrossing(_ frames: [TelemetryFrame]) -> Double {
        for (a, b) in zip(frames, frames.dropFirst()) where a.lapDistance <= 0 && b.lapDistance > 0 {
            let fraction = Double(-a.lapDistance) / Double(b.lapDistance - a.lapDistance)
            return a.sessionTime + fraction * (b.sessionTime - a.sessionTime)
        }
        let first = frames[0]
        guard first.lapDistance > 0, first.speed > 0 else { return first.sessionTime }
        return first.sessionTime - Double(first.lapDistance / first.speed)
    }
}
