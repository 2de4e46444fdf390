import Telemetry

extension CornerCoach {
    /// When and where an anticipatory cue for a corner is said.
    struct Timing: Sendable, Equatable {
        /// Lap distance where saying it starts (0..<n).
        var trigger: Double
        /// Last lap distance from which it still ends by the deadline at reference speed.
        var latestStart: Double
        var deadline: Double
    }

    /// Trigger = deadline - (speaking time * reference speed + lead margin): the trigger point
    /// depends on how long the phrase is, measured on its clip when the voice has one.
    func timing(for plan: CornerPlan, text: String) -> Timing {
        let n = gridCount
        let seconds = configuration.speakingTime(of: text, language: phrasebook.language, speech: speech)
        let speaking = seconds * plan.deadlineSpeed
        return Timing(
            trigger: Grid.wrap(plan.deadline - speaking - configuration.leadMargin, n),
            latestStart: Grid.wrap(plan.deadline - speaking, n), deadline: plan.deadline)
    }

    /// The habit to advise on at a corner: the one costing most time, weighted by how often its
    /// topic's advice worked (`ranked`).
    func habitAdvice(for plan: CornerPlan) -> CueAdvice? {
        ranked(habits.habits(corner: plan.corner.number).filter { topics.contains($0.topic) }.map { habit in
            judge.advice(
                for: .init(topic: habit.topic, value: habit.amount, threshold: 0, callable: true, detail: habit.detail), speeds: plan.speeds,
                referenceGear: habit.topic == .gear ? Int(plan.referenceReading.apexGear) : nil)
        }).first
    }

    /// Plans the approach advice of every corner with a habit, in driving order. Called whenever
    /// the habits change; the words, their speaking time and the trigger window are all fixed
    /// until then.
    func approachCues() -> [ApproachCue] {
        let n = gridCount
        return plans.indices.compactMap { index in
            let plan = plans[index]
            guard let advice = habitAdvice(for: plan), preferences.allows(kind: .anticipatory, severity: advice.severity) else {
                return nil
            }
            let phrase = phrasebook.anticipatory(
                cornerNumber: plan.corner.number, cornerName: plan.corner.name, landmark: plan.corner.landmark, advice: advice)
            // Planned a lap ahead: its clip is rendered long before the car reaches the trigger.
            speech?.prepare(phrase.text, language: phrasebook.language)
            let timing = timing(for: plan, text: phrase.text)
            return ApproachCue(
                plan: index, slot: slots[index], corner: plan.corner.number, cornerName: plan.corner.name, advice: advice,
                text: phrase.text, numbers: phrase.numbers, timing: timing,
                window: Grid.forwardDistance(from: timing.trigger, to: timing.latestStart, count: n))
        }
    }

    /// Says approach advice for a corner with a habit when the car reaches its trigger point and
    /// is not braking. Returns true when a cue was said.
    mutating func anticipate(at distance: Double, batchSequence: UInt64, into cues: inout [Cue]) -> Bool {
        let n = gridCount
        for index in approaches.indices {
            let slot = approaches[index].slot
            guard armed.contains(slot) else { continue }
            let sinceTrigger = Grid.forwardDistance(from: approaches[index].timing.trigger, to: distance, count: n)
            // Outside the window (before the trigger, or too late to finish by the deadline):
            // nothing now; a cue deferred past the window is dropped for this pass.
            guard sinceTrigger <= approaches[index].window else { continue }
            guard !braking else { continue }
            armed.remove(slot)
            let approach = approaches[index]
            guard !cuedThisPass.contains(slot), allowed(approach.advice, corner: approach.corner, kind: .anticipatory) else { continue }
            cues.append(Cue(
                id: 0, kind: .anticipatory, topic: approach.advice.topic, corner: approach.corner, cornerName: approach.cornerName,
                severity: approach.advice.severity, text: approach.text, numbers: approach.numbers, batchSequence: batchSequence,
                deadlineDistance: approach.timing.deadline))
            remember(approach.advice, corner: approach.corner, kind: .anticipatory, passSlot: slot)
            if let said = cues.last { ledger.said(said, lapNumber: lapNumber) }
            return true
        }
        return false
    }
}
