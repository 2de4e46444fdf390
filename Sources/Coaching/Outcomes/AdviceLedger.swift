/// The coach's own record of what it said and whether it worked, kept live so advice that never
/// helps this driver is said less and advice that helps comes first (`AdviceOutcomes` judges;
/// the REST API judges the stored session the same way).
///
/// Bounded: at most `maximumPending` cues wait for their laps (a cue whose lap has left the kept
/// laps can no longer be judged and is dropped), and `lapsKept` laps are kept.
struct AdviceLedger: Sendable {
    static let maximumPending = 64
    /// The lap a cue is about and the laps after it, plus one for approach advice said a lap late.
    static let lapsKept = AdviceOutcomes.lapsAfter + 2
    /// A topic judged this often without once working is said only when it is major (severity 3).
    static let triesBeforeQuiet = 3

    private var pending: [SaidCue] = []
    private var laps: [MeasuredLap] = []
    private var serial: UInt64 = 0
    private(set) var tallies: [Cue.Topic: Tally] = [:]

    struct Tally: Sendable, Equatable {
        var judged = 0
        var worked = 0
    }

    mutating func said(_ cue: Cue, lapNumber: Int32) {
        var cue = cue
        serial += 1
        cue.id = serial  // the session's ids are given later, by `DriverCoach`
        pending.append(SaidCue(cue: cue, lapNumber: lapNumber))
        if pending.count > Self.maximumPending { pending.removeFirst(pending.count - Self.maximumPending) }
    }

    mutating func lapMeasured(_ lap: MeasuredLap, configuration: CueConfiguration) {
        guard lap.isValid else { return }
        laps.append(lap)
        if laps.count > Self.lapsKept { laps.removeFirst(laps.count - Self.lapsKept) }
        let judged = AdviceOutcomes.evaluate(pending, laps: laps, configuration: configuration)
        for outcome in judged {
            tallies[outcome.topic, default: Tally()].judged += 1
            if outcome.worked { tallies[outcome.topic, default: Tally()].worked += 1 }
        }
        let done = Set(judged.map(\.cueID))
        let oldest = laps.first?.lapNumber ?? 0
        pending.removeAll { done.contains($0.cue.id) || $0.lapNumber < oldest }
    }

    /// Multiplies a piece of advice's time cost when ranking: 1 with nothing judged, up to 2 for
    /// advice that always worked, down towards 0 for advice that never did.
    func weight(_ topic: Cue.Topic) -> Double {
        let tally = tallies[topic] ?? Tally()
        return 2 * AdviceEffectiveness.score(worked: tally.worked, judged: tally.judged)
    }

    /// Whether minor advice on this topic is kept quiet: it never helped this driver.
    func quiet(_ topic: Cue.Topic, severity: Int) -> Bool {
        let tally = tallies[topic] ?? Tally()
        return severity < 3 && tally.judged >= Self.triesBeforeQuiet && tally.worked == 0
    }
}
