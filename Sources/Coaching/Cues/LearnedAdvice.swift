/// Advice the driver has taken on: once a corner's advice was said and that corner then stays
/// fixed (within `habitReleaseFraction` of the threshold) for `learnedLaps` valid laps, the
/// advice is learned and goes quiet. A single lap off again is a slip, not the habit back, and
/// gets no feedback; the advice returns when the deviation repeats on the same side for
/// `habitLaps` laps in a row (the lap that makes it a habit again is told). Without this a driver
/// who has fixed a corner hears the old advice again after every slip, which teaches nothing.
struct LearnedAdvice: Sendable {
    /// Per measurement (a topic's detail): the release's shape is learned apart from its end.
    struct Key: Hashable, Sendable {
        var corner: Int
        var topic: Cue.Topic
        var detail: CueAdvice.Detail = .main
    }

    struct State: Sendable, Equatable {
        /// Said and not yet learned.
        var advised = false
        var learned = false
        var calmLaps = 0
        /// The side of the latest callable deviations and how many laps in a row showed it.
        var offSide = 0
        var offLaps = 0
    }

    var configuration: CueConfiguration
    private(set) var states: [Key: State] = [:]

    init(configuration: CueConfiguration) {
        self.configuration = configuration
    }

    mutating func said(corner: Int, topic: Cue.Topic, detail: CueAdvice.Detail = .main) {
        states[Key(corner: corner, topic: topic, detail: detail), default: State()].advised = true
    }

    /// One valid lap's judged deviations of a corner.
    mutating func record(corner: Int, observations: [DeviationJudge.Observation]) {
        for observation in observations {
            let key = Key(corner: corner, topic: observation.topic, detail: observation.detail)
            guard var state = states[key] else { continue }  // never advised: nothing to learn
            let side = observation.callable ? (observation.value >= 0 ? 1 : -1) : 0
            if side != 0 {
                state.offLaps = side == state.offSide ? state.offLaps + 1 : 1
                state.offSide = side
                if state.learned && state.offLaps >= configuration.habitLaps {
                    state.learned = false  // the habit is back: so is its advice
                }
            } else {
                state.offSide = 0
                state.offLaps = 0
            }
            if abs(observation.value) < observation.threshold * configuration.habitReleaseFraction {
                state.calmLaps += 1
                if state.advised && state.calmLaps >= configuration.learnedLaps {
                    state.learned = true
                    state.advised = false
                }
            } else {
                state.calmLaps = 0
            }
            states[key] = state
        }
    }

    /// Whether feedback on a corner's learned advice is held back: this lap would be only the
    /// first of a relapse (the habit is not back yet).
    func holdsBack(_ advice: CueAdvice, corner: Int) -> Bool {
        guard let state = states[Key(corner: corner, topic: advice.topic, detail: advice.detail)], state.learned else { return false }
        let laps = state.offSide == advice.side ? state.offLaps + 1 : 1
        return laps < configuration.habitLaps
    }

    func isLearned(corner: Int, topic: Cue.Topic, detail: CueAdvice.Detail = .main) -> Bool {
        states[Key(corner: corner, topic: topic, detail: detail)]?.learned ?? false
    }
}
