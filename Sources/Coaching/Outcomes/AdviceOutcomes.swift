/// Judges whether advice worked, from the cues said and the laps measured (live, in the coach,
/// and afterwards from what the lap store holds: the same function, so REST and the coach agree).
///
/// - The lap a cue is about: feedback is said after the corner, about that lap; approach advice is
///   said before the corner, about the laps that made the habit (the last valid lap before).
/// - The laps after: the next `lapsAfter` valid laps that measured the corner (feedback: from the
///   next lap; approach advice: from the lap it was said on, which it was meant to change).
/// - Worked: the named measurement came at least half its cue threshold closer to the reference
///   (less than that is the lap-to-lap scatter of a driver who changed nothing), and the corner
///   got no slower than `timeTolerance`. Topics whose measurement the laps do not keep are judged
///   on time alone: worked when the corner got `timeTolerance` faster.
public enum AdviceOutcomes {
    /// Two laps: one is chance, two is a change.
    public static let lapsAfter = 2
    /// 0.02 s: sims time laps to 1 ms, and corner times of one driver vary by about this much
    /// when nothing changes.
    public static let timeTolerance = 0.02

    public static func evaluate(_ said: [SaidCue], laps: [MeasuredLap], configuration: CueConfiguration = .init()) -> [AdviceOutcome] {
        let valid = laps.filter(\.isValid).sorted { $0.lapNumber < $1.lapNumber }
        return said.compactMap { outcome(of: $0, laps: valid, configuration: configuration) }
    }

    /// The cues no outcome is known for yet, each with what it waits for: the valid lap it is
    /// about (missing when that lap was invalid or did not measure the corner) and how many of
    /// the `lapsAfter` valid laps after it have measured its corner.
    public static func waiting(_ said: [SaidCue], laps: [MeasuredLap]) -> [WaitingAdvice] {
        let valid = laps.filter(\.isValid).sorted { $0.lapNumber < $1.lapNumber }
        return said.compactMap { cue in
            let (about, after) = evidence(of: cue, laps: valid)
            guard about == nil || after.count < lapsAfter else { return nil }
            return WaitingAdvice(
                cueID: cue.cue.id, corner: cue.cue.corner, topic: cue.cue.topic, kind: cue.cue.kind, lapNumber: cue.lapNumber,
                aboutLapMeasured: about != nil, lapsAfter: after.count, lapsNeeded: lapsAfter)
        }
    }

    /// The corner as measured on the valid lap a cue is about, and on the valid laps after it
    /// (at most `lapsAfter`).
    static func evidence(of said: SaidCue, laps valid: [MeasuredLap]) -> (about: CornerMetrics?, after: [CornerMetrics]) {
        let cue = said.cue
        func corner(of lap: MeasuredLap) -> CornerMetrics? { lap.corners.first { $0.corner == cue.corner } }
        let aboutLap: MeasuredLap?
        let afterLaps: [MeasuredLap]
        switch cue.kind {
        case .feedback:
            aboutLap = valid.first { $0.lapNumber == said.lapNumber }
            afterLaps = valid.filter { $0.lapNumber > said.lapNumber }
        case .anticipatory:
            aboutLap = valid.last { $0.lapNumber < said.lapNumber }
            afterLaps = valid.filter { $0.lapNumber >= said.lapNumber }
        }
        return (aboutLap.flatMap(corner), Array(afterLaps.compactMap(corner).prefix(lapsAfter)))
    }

    static func outcome(of said: SaidCue, laps valid: [MeasuredLap], configuration: CueConfiguration) -> AdviceOutcome? {
        let cue = said.cue
        let (aboutCorner, after) = evidence(of: said, laps: valid)
        guard let about = aboutCorner, after.count == lapsAfter else { return nil }

        let shape = isReleaseShape(cue)
        let before = measurement(cue.topic, about.versusReference, releaseShape: shape)
        let afterValues = after.compactMap { measurement(cue.topic, $0.versusReference, releaseShape: shape) }
        let afterMean = afterValues.count == after.count && before != nil ? afterValues.reduce(0, +) / Double(afterValues.count) : nil
        let timeBefore = about.versusReference.timeDelta.flatMap { $0.isFinite ? $0 : nil }
        let times = after.compactMap { $0.versusReference.timeDelta.flatMap { $0.isFinite ? $0 : nil } }
        let timeAfter = times.count == after.count ? times.reduce(0, +) / Double(times.count) : nil
        let slower = if let timeBefore, let timeAfter { timeAfter > timeBefore + timeTolerance } else { false }
        let worked: Bool
        if let before, let afterMean {
            let threshold = shape ? configuration.brakeReleaseLengthThreshold : threshold(cue.topic, configuration)
            worked = before - afterMean >= 0.5 * threshold && !slower
        } else if let timeBefore, let timeAfter {
            worked = timeAfter <= timeBefore - timeTolerance
        } else {
            worked = false
        }
        return AdviceOutcome(
            cueID: cue.id, corner: cue.corner, topic: cue.topic, kind: cue.kind, lapNumber: said.lapNumber, before: before,
            after: afterMean, timeBefore: timeBefore, timeAfter: timeAfter, worked: worked)
    }

    /// How far from the reference a lap's corner was in the measurement a topic names; nil when
    /// not measured (stored laps read a missing number back as NaN). A brake release cue about
    /// the release's shape names how much more abruptly than the reference it came off.
    static func measurement(_ topic: Cue.Topic, _ n: CueNumbers, releaseShape: Bool = false) -> Double? {
        let raw = releaseShape ? n.brakeReleaseLengthDelta.map { max(0, -$0) } : rawMeasurement(topic, n)
        return raw.flatMap { $0.isFinite ? $0 : nil }
    }

    /// A brake release cue whose number is the release's length (its shape), not its end.
    static func isReleaseShape(_ cue: Cue) -> Bool {
        cue.topic == .brakeRelease && cue.numbers.brakeReleaseLengthDelta != nil && cue.numbers.brakeReleaseDelta == nil
    }

    static func rawMeasurement(_ topic: Cue.Topic, _ n: CueNumbers) -> Double? {
        switch topic {
        case .brakePoint: n.brakePointDelta.map(abs)
        case .brakePressure: n.peakBrakeDelta.map(abs)
        case .minimumSpeed: n.minimumSpeedDelta.map(abs)
        case .throttlePickup: n.throttlePickupDelta.map(abs)
        case .coasting: n.coastingDistance.map { max(0, $0) }
        case .brakeRelease: n.brakeReleaseDelta.map(abs)
        case .gear: if let gear = n.apexGear, let reference = n.referenceApexGear { Double(abs(gear - reference)) } else { nil }
        case .consistency, .racingLine, .teamMessage: nil
        }
    }

    static func threshold(_ topic: Cue.Topic, _ c: CueConfiguration) -> Double {
        switch topic {
        case .brakePoint: c.brakePointThreshold
        case .minimumSpeed: c.apexSpeedThreshold
        case .throttlePickup: c.throttlePickupThreshold
        case .coasting: c.coastingThreshold
        case .brakeRelease: c.brakeReleaseThreshold
        case .gear: 1
        // Peak pressure is a fraction of full travel; a tenth is a clear change.
        case .brakePressure: 0.1
        case .consistency, .racingLine, .teamMessage: 0
        }
    }
}
