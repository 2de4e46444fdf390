extension CornerCoach {
    /// Whether words of `text` started at lap distance `distance` are heard between corners, by
    /// the coach's own rules for its cues: off the brake, with no feedback of its own waiting, and
    /// not from a corner's approach-cue trigger (for these words: its deadline less their speaking
    /// distance and the lead margin, as `timing(for:text:)` places an approach cue) to the end of
    /// its measuring window (where feedback becomes due). So the words end before the next brake
    /// point's reaction distance and never start in a corner.
    func isClear(toSay text: String, at distance: Double) -> Bool {
        guard !braking, pendingFeedback == nil, distance.isFinite else { return false }
        let n = gridCount
        for plan in plans {
            let start = timing(for: plan, text: text).trigger
            let end = Grid.wrap(Double(plan.lastIndex), n)
            if Grid.forwardDistance(from: start, to: distance, count: n) <= Grid.forwardDistance(from: start, to: end, count: n) {
                return false
            }
        }
        return true
    }
}
