/// Cuts an export's frames into laps by lap number and judges each lap from physics alone:
/// whether it starts and ends at the line, and whether the car could have driven it.
///
/// Exports differ from a live stream: the tool already chose the laps, distances restart at each
/// lap, and the line crossing lies between the lap's first frame and the previous lap's last.
/// A lap "starts at the line" when its first frame is no further past the line than the car could
/// have driven in one sample interval (plus `distanceSlack`); it "ends at the line" likewise.
/// `trailbrake reference` uses this judge for every CSV export; only .ibt streams go through
/// Coaching's live `LapTracker` instead.
public enum LapSplitter {
    /// Metres of slack on every distance judgement. Distance channels are rounded (MoTeC: 0.1 m),
    /// scaled from a fraction, or projected on a reference path, which snaps where the path starts
    /// and ends (GT7 `dist_ref_m`: 7.6 m and 8.2 m in one tick at Tsukuba's line). 10 m covers
    /// those and is far below any real reset (79.6 m and 147.8 m in the same data set).
    public static let distanceSlack = 10.0
    /// A car's speed changes by far less than half within one sample, so no step may exceed 1.5 ×
    /// the faster end's speed × the time between the frames (+ slack): more is a reset or tow.
    public static let stepSpeedFactor = 1.5
    /// Largest time between two frames of a usable lap: exports sample at 10–60 Hz (0.1–0.017 s),
    /// so half a second means frames are missing, not a slow logger.
    public static let maximumFrameGap = 0.5
    /// Below this speed (m/s) a car is standing: no extrapolation to the line from it.
    static let movingSpeed = 0.5

    /// - Parameters:
    ///   - lapLength: where the distance wraps, metres; nil measures it (`lapLength(of:)`).
    ///   - statedLapTimes: lap times the export itself states, by lap number; used for complete laps.
    public static func split(
        _ frames: [TelemetryFrame], lapLength: Double?, statedLapTimes: [Int32: Double] = [:]
    ) -> (laps: [ImportedLap], lapLength: Double) {
        let runs = lapRuns(frames)
        let length = lapLength ?? Self.lapLength(of: runs)
        let laps = runs.enumerated().map { position, run in
            judge(
                run, isFirst: position == 0, lapLength: length, lengthIsDeclared: lapLength != nil,
                statedLapTime: statedLapTimes[run[0].lapNumber])
        }
        return (laps, length)
    }

    /// Consecutive frames with the same lap number (a number seen again later is a new lap).
    static func lapRuns(_ frames: [TelemetryFrame]) -> [[TelemetryFrame]] {
        var runs: [[TelemetryFrame]] = []
        for frame in frames {
            if let last = runs.last?.last, last.lapNumber == frame.lapNumber {
                runs[runs.count - 1].append(frame)
            } else {
                runs.append([frame])
            }
        }
        return runs
    }

    /// The median of the laps' furthest distances: most laps of an export are complete, and a
    /// partial lap's shorter reach cannot move a median of three or more.
    static func lapLength(of runs: [[TelemetryFrame]]) -> Double {
        let reaches = runs.map { run in run.map { Double($0.lapDistance) }.filter(\.isFinite).max() ?? 0 }.sorted()
        guard !reaches.isEmpty else { return 0 }
        return reaches[reaches.count / 2]
    }

    /// The finish crossing is extrapolated from the last frame only to a declared length. A
    /// measured length is a median, and a lap's own line is shorter or longer by metres (FSUK:
    /// 987.9 to 990.7 m): extrapolating lap 4 to 989.6 m would add 0.09 s MoTeC never timed, so
    /// then the lap ends at its last frame, where the export cut it.
    private static func judge(
        _ run: [TelemetryFrame], isFirst: Bool, lapLength: Double, lengthIsDeclared: Bool, statedLapTime: Double?
    ) -> ImportedLap {
        let first = run[0], last = run[run.count - 1]
        let interval = typicalInterval(run)
        var problem: ImportedLapProblem?
        let startDistance = Double(first.lapDistance)
        let startsAtLine = startDistance <= reach(first, interval)
        let endsAtLine = lapLength - Double(last.lapDistance) <= reach(last, interval)
        if !startsAtLine { problem = isFirst ? .outLap : .partial }
        if !endsAtLine, problem == nil { problem = .partial }
        if problem == nil { problem = contentProblem(run) }

        let startTime = startsAtLine ? crossing(first, metres: -max(startDistance, 0)) : first.sessionTime
        let shortfall = lengthIsDeclared ? max(lapLength - Double(last.lapDistance), 0) : 0
        let endTime = endsAtLine ? crossing(last, metres: shortfall) : nil
        // A lap with a hole has no time: when the export's clock counts only the frames it got
        // (GT7 ticks), the lost stretch is missing from the clock too (Red Bull Ring: 2.4 s).
        var lapTime: Double?
        if startsAtLine, let endTime, problem != .dataGap { lapTime = statedLapTime ?? endTime - startTime }
        return ImportedLap(
            lapNumber: first.lapNumber, frames: run, startTime: startTime, endTime: endTime, lapTime: lapTime,
            invalidReason: problem)
    }

    /// Pit road, resets and holes inside a lap; the first one found counts.
    ///
    /// A step further than the car could go is a reset when it goes backwards (a car put back on
    /// track: GT7 Brands Hatch, 80 m back at walking pace) and missing frames when it goes
    /// forwards: an export's clock may count the frames it got, not the time that passed (GT7
    /// Red Bull Ring seq 1 jumps 148 m at 230 km/h in one tick, 2.4 s of packets lost).
    private static func contentProblem(_ run: [TelemetryFrame]) -> ImportedLapProblem? {
        if run.contains(where: { $0.onPitRoad || $0.trackSurface == .inPitStall }) { return .pitRoad }
        for (previous, next) in zip(run, run.dropFirst()) {
            let time = next.sessionTime - previous.sessionTime
            if time > maximumFrameGap { return .dataGap }
            let step = Double(next.lapDistance - previous.lapDistance)
            let speed = Double(max(previous.speed, next.speed, 0))
            let reach = stepSpeedFactor * speed * max(time, 0) + distanceSlack
            if step < -reach { return .reset }
            if step > reach { return .dataGap }
        }
        return nil
    }

    /// How far from the line a frame may be and still be next to it.
    private static func reach(_ frame: TelemetryFrame, _ interval: Double) -> Double {
        stepSpeedFactor * Double(max(frame.speed, 0)) * interval + distanceSlack
    }

    /// The time the car was `metres` further along (negative: back) at its current speed.
    private static func crossing(_ frame: TelemetryFrame, metres: Double) -> Double {
        let speed = Double(frame.speed)
        guard speed > movingSpeed else { return frame.sessionTime }
        return frame.sessionTime + metres / speed
    }

    /// The median time between frames (robust to one hole).
    private static func typicalInterval(_ run: [TelemetryFrame]) -> Double {
        let steps = zip(run, run.dropFirst()).map { $1.sessionTime - $0.sessionTime }.filter { $0 > 0 }.sorted()
        return steps.isEmpty ? 0 : steps[steps.count / 2]
    }
}
