/// Which deviations a driver keeps making, corner by corner, from valid laps only.
///
/// A habit starts when the same callable deviation, on the same side, repeats on
/// `habitLaps` laps in a row, and stays on until `habitLaps` laps in a row come within
/// `habitReleaseFraction` of the threshold (hysteresis: advice is not switched off by one
/// lucky lap, nor switched on by one bad one).
struct HabitTracker: Sendable {
    struct Key: Hashable, Sendable {
        var corner: Int
        var topic: Cue.Topic
        var detail: CueAdvice.Detail
    }

    struct State: Sendable {
        var streakSide = 0
        var streak = 0
        var activeSide = 0
        var calmLaps = 0
        /// Values of the laps that built or kept the habit (newest last).
        var recent: [Double] = []
    }

    var configuration: CueConfiguration
    private(set) var states: [Key: State] = [:]

    init(configuration: CueConfiguration) {
        self.configuration = configuration
    }

    mutating func record(corner: Int, observations: [DeviationJudge.Observation]) {
        for observation in observations {
            let key = Key(corner: corner, topic: observation.topic, detail: observation.detail)
            var state = states[key] ?? State()
            let side = observation.callable ? (observation.value >= 0 ? 1 : -1) : 0
            if side != 0 && side == state.streakSide {
                state.streak += 1
            } else {
                state.streakSide = side
                state.streak = side == 0 ? 0 : 1
            }
            if side != 0 { state.recent = Array((state.recent + [observation.value]).suffix(configuration.habitLaps)) }
            if side != 0 && state.activeSide != 0 && side != state.activeSide {
                state.activeSide = 0
            }
            if state.streak >= configuration.habitLaps { state.activeSide = side }
            if abs(observation.value) < observation.threshold * configuration.habitReleaseFraction {
                state.calmLaps += 1
                if state.calmLaps >= configuration.habitLaps { state.activeSide = 0 }
            } else {
                state.calmLaps = 0
            }
            states[key] = state
        }
    }

    /// Active habits of a corner with their typical size (mean of the recent deviations on the
    /// habit's side).
    func habits(corner: Int) -> [(topic: Cue.Topic, detail: CueAdvice.Detail, amount: Double)] {
        states.compactMap { key, state in
            guard key.corner == corner, state.activeSide != 0 else { return nil }
            let sameSide = state.recent.filter { ($0 >= 0 ? 1 : -1) == state.activeSide }
            guard !sameSide.isEmpty else { return nil }
            return (key.topic, key.detail, sameSide.reduce(0, +) / Double(sameSide.count))
        }.sorted { ($0.topic.rawValue, $0.detail == .main ? 0 : 1) < ($1.topic.rawValue, $1.detail == .main ? 0 : 1) }
    }
}
