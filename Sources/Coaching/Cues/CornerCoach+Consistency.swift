extension CornerCoach {
    /// Puts a corner's scatter first: when its brake point or apex speed varies over the last laps
    /// by the spread thresholds, that is said instead of this lap's advice on the same measurement
    /// (telling a driver who brakes 10 m early and 10 m late by turns "brake later" then "brake
    /// earlier" chases single laps; "pick one marker" fixes both).
    func puttingConsistencyFirst(_ advice: [CueAdvice], plan: CornerPlan) -> [CueAdvice] {
        guard topics.contains(.consistency) else { return advice }
        let spread = consistency.spread(corner: plan.corner.number)
        var scattered: [CueAdvice] = []
        var replaced: Set<Cue.Topic> = []
        if let metres = spread.brakePoint, metres >= configuration.brakePointSpreadThreshold {
            scattered.append(CueAdvice(topic: .consistency, amount: metres, timeCost: judge.timeCost(.consistency, metres, plan.speeds)))
            replaced.insert(.brakePoint)
        }
        if let kmh = spread.apexSpeed, kmh >= configuration.apexSpeedSpreadThreshold {
            // Laps are on average half the spread off the driver's best apex speed.
            let cost = 0.5 * judge.timeCost(.minimumSpeed, kmh, plan.speeds)
            scattered.append(CueAdvice(topic: .consistency, amount: kmh, timeCost: cost, detail: .apexSpeed))
            replaced.insert(.minimumSpeed)
        }
        return scattered.sorted { $0.timeCost > $1.timeCost } + advice.filter { !replaced.contains($0.topic) }
    }
}
