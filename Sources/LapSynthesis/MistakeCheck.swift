import Coaching
import Telemetry

/// Measures each injected mistake back from the frames the synthesiser produced, against the
/// reference, with definitions of its own: the plain pedal and speed readings a person makes on a
/// trace, none of the coach's code (no grid, no braking-zone merging, no corner windows). A
/// mistake the frames do not show is not ground truth: the synthesiser drops it
/// (`SyntheticSession.notInjected`) instead of listing a mistake the coach could never find.
///
/// Readings, all within the corner's stretch of the lap (from the previous corner's apex to the
/// next one's):
/// - brake onset: going back from the apex to the first frame braking at `brakeOn` (8 %), then
///   on back while the brake stays above `brakeOff` (4 %), the crossing of 8 % at its start; the
///   run must be held `brakingHeld` (0.2 s) or it is a blip with no brake point. A
///   brake point is only a corner's own where the car was accelerating before it: both onsets
///   (lap and reference) must lie after the reference is back at full throttle from the
///   previous corner, or the braking runs into that corner's (a chicane) and "early" is not a
///   mistake anyone could see or be told about;
/// - apex speed: the lowest speed averaged over 5 frames within `apexReach` of the apex;
/// - brake release: the last frame of that braking run at 4 % or more, past the apex if it trails;
/// - release shape: twice the metres of that run's pressure below its highest 5-frame average,
///   against the reference's scaled to the run's length (an abrupt release is shorter);
/// - throttle pick-up: the first frame after the apex at 90 % throttle that stays there 0.5 s.
enum MistakeCheck {
    static let brakeOn: Float = 0.08
    static let brakeOff: Float = 0.04
    static let throttleFull: Float = 0.9
    static let sustained = 0.5
    /// Braking held for less than this is a blip, not a brake point: it is over before the pads
    /// bite and the load moves to the front (0.1-0.2 s), and it shows on a trace as a spike.
    static let brakingHeld = 0.2
    /// Metres either side of the apex searched for the lowest speed.
    static let apexReach = 40.0
    /// A mistake is in the frames when at least this share of its size is measured, on its side.
    static let minimumShare = 0.5

    /// One lap's trace, as samples in distance order.
    struct Trace {
        var distance: [Double] = []
        var time: [Double] = []
        var speed: [Double] = []
        var throttle: [Float] = []
        var brake: [Float] = []

        init(frames: some Sequence<TelemetryFrame>) {
            for frame in frames {
                distance.append(Double(frame.lapDistance))
                time.append(frame.sessionTime)
                speed.append(Double(frame.speed))
                throttle.append(frame.throttle)
                brake.append(frame.brake)
            }
        }

        init(lap: ReferenceLap) {
            for index in 0..<lap.count {
                distance.append(Double(index) * lap.gridSpacing)
                time.append(Double(lap.time[index]))
                speed.append(Double(lap.speed[index]))
                throttle.append(lap.throttle[index])
                brake.append(lap.brake[index])
            }
        }

        func indices(from: Double, to: Double) -> [Int] { distance.indices.filter { distance[$0] >= from && distance[$0] <= to } }
    }

    /// The size of `mistake` as the lap's trace shows it against the reference's, in the
    /// mistake's own unit and sign (metres early or late, km/h slow), or nil when unreadable.
    static func measured(_ mistake: InjectedMistake, lap: Trace, reference: Trace, stretch: ClosedRange<Double>, apex: Double) -> Double? {
        switch mistake {
        case .brakeEarly, .brakeLate:
            guard let own = brakeOnset(lap, stretch: stretch, apex: apex), let ref = brakeOnset(reference, stretch: stretch, apex: apex),
                let clear = pickup(reference, from: stretch.lowerBound, to: apex), min(own, ref) >= clear
            else { return nil }
            return if case .brakeEarly = mistake { ref - own } else { own - ref }
        case .slowApex:
            guard let own = apexSpeed(lap, apex: apex), let ref = apexSpeed(reference, apex: apex) else { return nil }
            return (ref - own) * 3.6
        case .earlyRelease:
            guard let own = brakeRelease(lap, stretch: stretch, apex: apex), let ref = brakeRelease(reference, stretch: stretch, apex: apex)
            else { return nil }
            return ref - own
        case .abruptRelease:
            guard let own = releaseShape(lap, stretch: stretch, apex: apex), let ref = releaseShape(reference, stretch: stretch, apex: apex),
                ref.zone > 0
            else { return nil }
            return ref.length * own.zone / ref.zone - own.length
        case .lateThrottle:
            guard let own = pickup(lap, from: apex, to: stretch.upperBound), let ref = pickup(reference, from: apex, to: stretch.upperBound)
            else { return nil }
            return own - ref
        }
    }

    /// True when `measured` shows at least `minimumShare` of `intended`, on the same side.
    static func confirms(_ measured: Double?, intended: Double) -> Bool {
        guard let measured, intended > 0 else { return false }
        return measured >= minimumShare * intended
    }

    static func brakeOnset(_ trace: Trace, stretch: ClosedRange<Double>, apex: Double) -> Double? {
        let window = trace.indices(from: stretch.lowerBound, to: apex)
        guard var index = window.last(where: { trace.brake[$0] >= brakeOn }), let first = window.first else { return nil }
        while index > first, trace.brake[index - 1] >= brakeOff { index -= 1 }
        // Forward to the first frame at 8 % of this run, and its crossing from the frame before.
        while index < window.last!, trace.brake[index] < brakeOn { index += 1 }
        var end = index
        while end < window.last!, trace.brake[end + 1] >= brakeOff { end += 1 }
        guard trace.time[end] - trace.time[index] >= brakingHeld else { return nil }
        guard index > first else { return trace.distance[index] }
        let (b0, b1) = (trace.brake[index - 1], trace.brake[index])
        guard b1 > b0, b0 < brakeOn else { return trace.distance[index] }
        let fraction = Double((brakeOn - b0) / (b1 - b0))
        return trace.distance[index - 1] + (trace.distance[index] - trace.distance[index - 1]) * fraction
    }

    /// Where the braking run that begins at the corner's onset ends: the last frame at
    /// `brakeOff` (4 %) or more, however far past the apex it trails.
    static func brakeRelease(_ trace: Trace, stretch: ClosedRange<Double>, apex: Double) -> Double? {
        guard let onset = brakeOnset(trace, stretch: stretch, apex: apex),
            var index = trace.distance.firstIndex(where: { $0 >= onset })
        else { return nil }
        while index + 1 < trace.distance.count, trace.distance[index + 1] <= stretch.upperBound, trace.brake[index + 1] >= brakeOff {
            index += 1
        }
        return trace.distance[index]
    }

    /// The braking run's length (onset to release) and its release's: twice the metres of its
    /// pressure below its highest 5-frame average (a straight let-off over D metres reads D).
    static func releaseShape(_ trace: Trace, stretch: ClosedRange<Double>, apex: Double) -> (zone: Double, length: Double)? {
        guard let onset = brakeOnset(trace, stretch: stretch, apex: apex), let release = brakeRelease(trace, stretch: stretch, apex: apex)
        else { return nil }
        let run = trace.indices(from: onset, to: release)
        guard run.count >= 5 else { return nil }
        var peak = 0.0
        for i in run.dropFirst(2).dropLast(2) {
            var sum = 0.0
            for j in (i - 2)...(i + 2) { sum += Double(trace.brake[j]) }
            peak = max(peak, sum / 5)
        }
        guard peak > 0 else { return nil }
        func missing(_ i: Int) -> Double { 1 - min(Double(trace.brake[i]), peak) / peak }
        var below = 0.0
        for (a, b) in zip(run, run.dropFirst()) { below += (missing(a) + missing(b)) / 2 * (trace.distance[b] - trace.distance[a]) }
        return (release - onset, 2 * below)
    }

    static func apexSpeed(_ trace: Trace, apex: Double) -> Double? {
        let window = trace.indices(from: apex - apexReach, to: apex + apexReach)
        guard window.count >= 5 else { return nil }
        return window.dropFirst(2).dropLast(2).map { i in (i - 2...i + 2).map { trace.speed[$0] }.reduce(0, +) / 5 }.min()
    }

    static func pickup(_ trace: Trace, from: Double, to: Double) -> Double? {
        let window = trace.indices(from: from, to: to)
        for (position, index) in window.enumerated() where trace.throttle[index] >= throttleFull {
            let held = window[position...].prefix { trace.throttle[$0] >= throttleFull }
            guard let last = held.last else { continue }
            if trace.time[last] - trace.time[index] >= sustained * 0.9 || last == window.last { return trace.distance[index] }
        }
        return nil
    }
}
