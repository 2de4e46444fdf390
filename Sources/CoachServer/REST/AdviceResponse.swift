import Coaching

/// `GET /api/v1/sessions/{id}/advice`: every cue of the session that has been judged (two valid
/// laps followed it), and how often advice worked per topic and per corner, best first.
public struct AdviceResponse: Sendable, Equatable, Encodable {
    public var outcomes: [AdviceOutcome]
    public var topics: [AdviceEffectiveness.Tally]
    public var corners: [AdviceEffectiveness.Tally]
    /// Cues said that no outcome is known for yet (fewer than two valid laps after them).
    public var pending: Int
    /// Those cues, each with what it waits for.
    public var waiting: [WaitingAdvice]

    public init(said: [SaidCue], laps: [MeasuredLap]) {
        outcomes = AdviceOutcomes.evaluate(said, laps: laps)
        let ranking = AdviceEffectiveness(outcomes)
        topics = ranking.topics
        corners = ranking.corners
        pending = said.count - outcomes.count
        waiting = AdviceOutcomes.waiting(said, laps: laps)
    }
}

extension SessionReport {
    /// The report of a stored session: its laps, and its cues judged as `AdviceResponse` judges them.
    init(said: [SaidCue], laps: [MeasuredLap]) {
        self.init(laps: laps, outcomes: AdviceOutcomes.evaluate(said, laps: laps))
    }
}
