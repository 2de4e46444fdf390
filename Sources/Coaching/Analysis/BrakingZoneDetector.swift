import Telemetry

/// Finds braking zones on a lap: where brake pressure crosses `PedalThresholds.brakeOn`, ends
/// below `brakeOff`, lasts at least `minimumBrakeDuration`, with short releases merged.
public enum BrakingZoneDetector {
    /// Zones of a whole lap, in driving order, treating the lap as closed: a zone that crosses
    /// the line has `endDistance < startDistance`.
    public static func zones(in lap: ReferenceLap) -> [BrakingZone] {
        let n = lap.count
        guard n > 2, lap.brake.count == n, lap.speed.count == n else { return [] }
        guard let released = lap.brake.firstIndex(where: { $0 < PedalThresholds.brakeOff }) else { return [] }
        let window = LapWindow(lap)
        return spans(in: window, from: released, to: released + n - 1).map { span in
            BrakingZone(
                startDistance: Grid.wrap(span.start, n), endDistance: Grid.wrap(Double(span.end), n),
                peakPressure: Double(span.peak), entrySpeed: Double(window.speed(Int(span.start.rounded(.down)))),
                exitSpeed: Double(window.speed(span.end)))
        }.sorted { $0.startDistance < $1.startDistance }
    }

    /// A zone on unwrapped grid indexes; `start` is the interpolated onset crossing.
    struct Span: Sendable, Equatable {
        var start: Double
        var end: Int
        var peak: Float
        /// Still braking at the last metre of a live lap's data: the zone has no release yet.
        var underWay = false
    }

    /// Zones whose onset lies in `from...to` (a zone may run on past `to`, up to half a lap, and
    /// on a live lap up to where its data ends: a braking still under way there is `underWay`, as
    /// the metres not driven yet hold zeros; read as data they wrapped to the lap's own start,
    /// where braking for turn 1 "continued" the zone backwards in time and dropped it as too short:
    /// GT7 Red Bull Ring laps 2 and 6 got no turn 6 brake point in their feedback).
    static func spans(in window: LapWindow, from: Int, to: Int) -> [Span] {
        guard to >= from else { return [] }
        var result: [Span] = []
        var index = from
        // A zone already under way at `from` started before it: skip to its release.
        while index <= to, window.brake(index - 1) >= PedalThresholds.brakeOff { index += 1 }
        while index <= to {
            guard window.brake(index) >= PedalThresholds.brakeOn else { index += 1; continue }
            var end = index, peak = window.brake(index), probe = index + 1
            let limit = min(index + window.count / 2, window.recordedEnd)
            while probe < limit {
                let pressure = window.brake(probe)
                if pressure >= PedalThresholds.brakeOff {
                    end = probe
                    peak = max(peak, pressure)
                    probe += 1
                    continue
                }
                // Released: look ahead for a reapplication within the merge gap.
                var ahead = probe
                while ahead < limit, window.time(ahead) - window.time(end) <= PedalThresholds.mergeGap,
                    window.brake(ahead) < PedalThresholds.brakeOn
                { ahead += 1 }
                if ahead < limit, window.time(ahead) - window.time(end) <= PedalThresholds.mergeGap {
                    probe = ahead
                } else {
                    break
                }
            }
            if window.time(end) - window.time(index) >= PedalThresholds.minimumBrakeDuration {
                result.append(Span(start: onsetCrossing(window, index), end: end, peak: peak, underWay: end == window.recordedEnd - 1))
            }
            index = max(end, probe) + 1
        }
        return result
    }

    /// Two zones whose gap (end of the first to onset of the second) is at most this many metres
    /// are one braking in stages: a brake, a short lift, more brake (0.3-0.5 s at 60-100 m/s, too
    /// short to have driven anything between). A longer gap is a corner of its own, braked or
    /// lifted for, even when the segmenter found no speed dip there (a kink before a hairpin).
    public static let stageGap = 30.0

    /// The braking that serves an apex, among `candidates` (zones whose onsets lie between the
    /// previous apex and this one, in driving order): the last one before the apex, extended back
    /// over zones that ended within `stageGap` of the next. The first zone of a long search window
    /// is often another corner's: a light brake or lift for a kink 100 m earlier made "brake
    /// 135 metres later" where both laps braked within 1 m of each other for the apex itself
    /// (GT7 Brands Hatch Indy, turn 4). The segmenter places a corner's brake point by the same
    /// rule, so the reference's reading and the corner's brake point agree.
    static func approach(_ candidates: [Span]) -> Span? {
        guard var chosen = candidates.last else { return nil }
        for earlier in candidates.dropLast().reversed() {
            guard chosen.start - Double(earlier.end) <= stageGap else { break }
            chosen = Span(start: earlier.start, end: chosen.end, peak: max(chosen.peak, earlier.peak), underWay: chosen.underWay)
        }
        return chosen
    }

    /// Sub-metre onset: where the pressure crosses `brakeOn` between the two grid points.
    static func onsetCrossing(_ window: LapWindow, _ index: Int) -> Double {
        let before = window.brake(index - 1), at = window.brake(index)
        guard before < PedalThresholds.brakeOn, at > before else { return Double(index) }
        return Double(index - 1) + Double((PedalThresholds.brakeOn - before) / (at - before))
    }
}
