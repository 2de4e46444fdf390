import Telemetry

/// Coaches one driver corner by corner against one reference: feedback right after a corner
/// when something there was off, and advice on the approach to a corner where a mistake has
/// become a habit. A value type owned by one driver's coach; not shared.
public struct CornerCoach: Sendable {
    let reference: ReferenceLap
    let trackMap: TrackMap
    let configuration: CueConfiguration
    let phrasebook: CuePhrasebook
    let judge: DeviationJudge
    let plans: [CornerPlan]
    /// Grid points of the reference (kept: `ReferenceLap.count` is a call into another module).
    let gridCount: Int
    /// Flag slot of each plan (see `CornerFlags`).
    let slots: [Int]
    /// The voice's speaking times, when the server has a voice (see `CueSpeech`).
    let speech: (any CueSpeech)?
    let preferences: CoachingPreferences
    /// Topics the reference's channels support, less those the driver switched off.
    let referenceTopics: Set<Cue.Topic>
    /// Which of the driver's channels have been live so far (every frame recorded is observed).
    public private(set) var activity = ChannelActivity()
    /// Topics judged now: supported by the reference and by the driver's live channels. A topic
    /// whose channel the driver's frames have not shown to be live yet is not judged.
    private(set) var topics: Set<Cue.Topic> = []

    var recorder: LiveLapRecorder
    /// Each corner's brake point and apex speed over the last valid laps.
    var consistency: ConsistencyTracker
    /// What was said and whether it worked: ranks advice.
    var ledger = AdviceLedger()
    /// Advice the driver has taken on, quiet until the habit returns.
    var learned: LearnedAdvice
    /// The driver's line against the reference's, when the reference has positions.
    var line: LineTracker?
    /// The sim's number of the lap in progress (outcomes are judged by lap).
    var lapNumber: Int32 = 0
    var habits: HabitTracker {
        // The approach advice follows from the habits alone: re-plan it whenever they change.
        didSet { approaches = approachCues() }
    }
    /// Approach advice of the corners with a habit, planned from the habits (see `ApproachCue`).
    var approaches: [ApproachCue] = []
    /// Laps started since the coach was made (cooldowns count these).
    var lapIndex = 0
    var measuredThisLap: CornerFlags
    /// Corners that got a cue since they were last measured (one cue per corner per pass).
    var cuedThisPass: CornerFlags
    /// Corners whose approach advice may still be said on this pass.
    var armed: CornerFlags
    var pendingFeedback: PendingFeedback?
    /// Last advice said per corner and kind (feedback and approach advice cool down separately).
    var lastSaid: [SaidKey: Said] = [:]
    var braking = false

    struct PendingFeedback: Sendable {
        var cue: Cue
        var advice: CueAdvice
        var measuredAt: Double
    }

    struct SaidKey: Hashable, Sendable {
        var corner: Int
        var kind: Cue.Kind
    }

    struct Said: Sendable {
        var topic: Cue.Topic
        var side: Int
        var magnitude: Double
        var lapIndex: Int
    }

    public init(
        reference: ReferenceLap, trackMap: TrackMap, language: CueLanguage, configuration: CueConfiguration = .init(),
        speech: (any CueSpeech)? = nil, preferences: CoachingPreferences = .init(), plans book: CornerPlanBook? = nil,
        chunkStores: (any LapChunkStoreFactory)? = nil
    ) {
        self.reference = reference
        self.speech = speech
        self.preferences = preferences
        self.referenceTopics = Set(Cue.Topic.judgeable(with: ChannelActivity(reference).live)).subtracting(preferences.disabledTopics)
        self.trackMap = trackMap
        self.configuration = configuration
        self.phrasebook = CuePhrasebook(language: language, units: preferences.units)
        self.judge = DeviationJudge(configuration: configuration)
        // The library's shared plans when they are this reference's; else this coach's own.
        let book = book.flatMap { $0.fits(reference: reference, trackMap: trackMap, configuration: configuration) ? $0 : nil }
            ?? CornerPlanBook(reference: reference, trackMap: trackMap, configuration: configuration)
        self.plans = book.plans
        self.gridCount = reference.count
        self.recorder = LiveLapRecorder(
            template: reference, tailLength: Self.tailLength(for: plans), chunkStores: chunkStores)
        self.habits = HabitTracker(configuration: configuration)
        self.consistency = ConsistencyTracker(configuration: configuration)
        self.learned = LearnedAdvice(configuration: configuration)
        self.line = referenceTopics.contains(.racingLine) ? LineTracker(reference: reference, trackMap: trackMap) : nil
        self.slots = book.slots
        self.measuredThisLap = CornerFlags(count: plans.count)
        self.cuedThisPass = CornerFlags(count: plans.count)
        self.armed = CornerFlags(count: plans.count, allSet: true)
        self.approaches = approachCues()
    }

    /// Metres kept of the previous lap: as far before the line as a corner window reaches (a
    /// window starts up to 150 m before its corner's entry), plus a margin for the readers' few
    /// metres around a point and for the line's own interpolation (`LiveLapRecorder.maximumGap`).
    static func tailLength(for plans: [CornerPlan]) -> Int {
        let before = -(plans.map(\.firstIndex).min() ?? 0)
        return max(before, 0) + 64
    }

    public mutating func lapStarted(lapNumber: Int32) {
        recorder.startNewLap()
        line?.startLap()
        self.lapNumber = lapNumber
        lapIndex += 1
        measuredThisLap.setAll(false)
    }

    public mutating func observe(_ frame: TelemetryFrame, elapsedLapTime: Double, batchSequence: UInt64, into cues: inout [Cue]) {
        guard let distance = record(frame, elapsedLapTime: elapsedLapTime) else { return }
        measureFinishedCorners(at: distance)
        if anticipate(at: distance, batchSequence: batchSequence, into: &cues) { return }
        deliverFeedback(at: distance, batchSequence: batchSequence, into: &cues)
    }

    /// Records a frame of a lap that is not coached (an out-lap): nothing is measured or said, but
    /// the lap becomes the previous lap that the next lap's corners across the line are read from.
    public mutating func recordWithoutCoaching(_ frame: TelemetryFrame, elapsedLapTime: Double) {
        _ = record(frame, elapsedLapTime: elapsedLapTime)
    }

    /// Continues from what an earlier coach of the session saw of the driver's channels.
    public mutating func seed(activity: ChannelActivity) {
        self.activity = activity
        topics = referenceTopics.intersection(Cue.Topic.judgeable(with: activity.live))
    }

    /// Puts the frame on the live grid; returns its distance, or nil when the frame is unusable.
    private mutating func record(_ frame: TelemetryFrame, elapsedLapTime: Double) -> Double? {
        if activity.observe(frame) { topics = referenceTopics.intersection(Cue.Topic.judgeable(with: activity.live)) }
        let distance = Double(frame.lapDistance)
        let n = Double(gridCount)
        guard gridCount > 2, distance.isFinite, distance >= 0, distance < n + 1, frame.speed.isFinite,
            elapsedLapTime.isFinite
        else { return nil }
        let brake = frame.brake.isFinite ? min(1, max(0, frame.brake)) : 0
        recorder.record(LiveLapRecorder.Sample(
            distance: distance, elapsed: elapsedLapTime, sessionTime: frame.sessionTime, speed: max(0, frame.speed),
            throttle: frame.throttle.isFinite ? min(1, max(0, frame.throttle)) : 0, brake: brake, gear: frame.gear))
        braking = braking ? brake >= PedalThresholds.brakeOff : brake >= PedalThresholds.brakeOn
        if line != nil, frame.presentChannels.contains(.latitude), frame.presentChannels.contains(.longitude) {
            line?.observe(distance: distance, latitude: frame.latitude, longitude: frame.longitude)
        }
        return distance
    }

    public mutating func lapFinished(isValid: Bool) -> (corners: [CornerMetrics], brakingZones: [BrakingZone]) {
        recorder.closeTail()
        var corners: [CornerMetrics] = []
        // Unpacked once for every corner and the braking zones.
        let lap = recorder.current
        let window = recorder.window(of: lap)
        // Habits are updated on a copy and stored once, so the approach cues are re-planned once.
        var updatedHabits = habits
        for plan in plans where recorder.isRecorded(from: plan.firstIndex, to: min(plan.lastIndex, gridCount - 1)) {
            var metrics = CornerAnalyzer.measure(window, against: plan.referenceReading, in: plan.window, count: gridCount)
            line?.annotate(&metrics)
            corners.append(metrics)
            if isValid {
                let observations = judge.observations(metrics, topics: topics)
                updatedHabits.record(corner: plan.corner.number, observations: observations)
                learned.record(corner: plan.corner.number, observations: observations)
                consistency.record(metrics)
            }
        }
        // Before the habits: their new approach advice is ranked with the new outcomes.
        ledger.lapMeasured(MeasuredLap(lapNumber: lapNumber, isValid: isValid, corners: corners), configuration: configuration)
        if isValid { habits = updatedHabits }
        let zones = recorder.filled.isComplete ? BrakingZoneDetector.zones(in: lap) : []
        return (corners.sorted { $0.corner < $1.corner }, zones)
    }

    public mutating func lapAborted() {
        recorder.reset()
        line?.startLap()
        measuredThisLap.setAll(false)
        cuedThisPass.setAll(false)
        pendingFeedback = nil
        braking = false
        armed.setAll(true)
    }

    /// Measures each corner whose window ends behind the car, once per lap, and queues feedback.
    private mutating func measureFinishedCorners(at distance: Double) {
        for index in plans.indices where Double(plans[index].lastIndex) <= distance && !measuredThisLap.contains(slots[index]) {
            let plan = plans[index], slot = slots[index], number = plan.corner.number
            measuredThisLap.insert(slot)
            let alreadyCued = cuedThisPass.contains(slot)
            cuedThisPass.remove(slot)
            armed.insert(slot)
            guard !alreadyCued, recorder.isRecorded(from: plan.firstIndex, to: plan.lastIndex) else { continue }
            var metrics = CornerAnalyzer.measure(
                recorder.window, against: plan.referenceReading, in: plan.window, count: gridCount)
            line?.annotate(&metrics)
            // The line is advised only as a habit (on the approach): one lap's line is one moment.
            let judged = judge.advice(metrics, speeds: plan.speeds, topics: topics).filter { $0.topic != .racingLine }
            let advice = puttingConsistencyFirst(ranked(judged), plan: plan)
                .filter { allowed($0, corner: number, kind: .feedback) && !learned.holdsBack($0, corner: number) }
            guard let primary = advice.first, preferences.allows(kind: .feedback, severity: primary.severity) else { continue }
            var phrase = phrasebook.feedback(
                cornerNumber: number, cornerName: plan.corner.name, landmark: plan.corner.landmark, advice: advice)
            phrase.numbers.timeDelta = metrics.versusReference.timeDelta
            // Said once the driver is off the brake: time enough to render its clip meanwhile.
            speech?.prepare(phrase.text, language: phrasebook.language)
            let cue = Cue(
                id: 0, kind: .feedback, topic: primary.topic, corner: number, cornerName: plan.corner.name,
                severity: primary.severity, text: phrase.text, numbers: phrase.numbers, batchSequence: 0)
            pendingFeedback = PendingFeedback(cue: cue, advice: primary, measuredAt: distance)
        }
    }

    /// Says queued feedback once the driver is off the brake; drops it when stale.
    private mutating func deliverFeedback(at distance: Double, batchSequence: UInt64, into cues: inout [Cue]) {
        guard var pending = pendingFeedback, !braking else { return }
        pendingFeedback = nil
        let travelled = Grid.forwardDistance(from: pending.measuredAt, to: distance, count: gridCount)
        guard travelled <= configuration.feedbackExpiry else { return }
        pending.cue.batchSequence = batchSequence
        cues.append(pending.cue)
        ledger.said(pending.cue, lapNumber: lapNumber)
        remember(pending.advice, corner: pending.cue.corner, kind: .feedback, passSlot: nil)
    }

    /// Advice by time cost weighted with how often that topic's advice worked for this driver,
    /// without minor advice that never did (`AdviceLedger`).
    func ranked(_ advice: [CueAdvice]) -> [CueAdvice] {
        advice.filter { !ledger.quiet($0.topic, severity: $0.severity) }.enumerated().sorted { a, b in
            let x = a.element.timeCost * ledger.weight(a.element.topic), y = b.element.timeCost * ledger.weight(b.element.topic)
            return x != y ? x > y : a.offset < b.offset
        }.map(\.element)
    }

    /// The same advice for a corner is not repeated within the cooldown unless it got worse.
    func allowed(_ advice: CueAdvice, corner: Int, kind: Cue.Kind) -> Bool {
        guard let said = lastSaid[SaidKey(corner: corner, kind: kind)], said.topic == advice.topic, said.side == advice.side,
            lapIndex - said.lapIndex <= configuration.cooldownLaps
        else { return true }
        return abs(advice.amount) >= said.magnitude * configuration.worseningFactor
    }

    /// Records advice for the cooldown; approach advice also uses up the corner's pass, given as
    /// its flag slot (feedback comes after the pass has been measured, so it must not block the
    /// next one and passes none).
    mutating func remember(_ advice: CueAdvice, corner: Int, kind: Cue.Kind, passSlot: Int?) {
        learned.said(corner: corner, topic: advice.topic, detail: advice.detail)
        lastSaid[SaidKey(corner: corner, kind: kind)] = Said(topic: advice.topic, side: advice.side, magnitude: abs(advice.amount), lapIndex: lapIndex)
        if let passSlot { cuedThisPass.insert(passSlot) }
    }
}
