import Telemetry

/// Everything needed to coach one driver session: the lap tracker, the live delta, the corner
/// coach, and the choice of reference. The server feeds it every live frame in order and turns the
/// events it returns into protocol messages.
///
/// Not thread-safe by design: exactly one consumer (the driver's session actor) owns it, which is
/// what keeps the per-frame work free of locks.
public final class DriverCoach {
    public let session: SessionDescriptor
    public let language: CueLanguage
    public let configuration: DriverCoachConfiguration
    /// The reference the driver is compared against now, and why.
    public private(set) var referenceChoice: ReferenceChoice

    private var lapTracker: LapTracker
    private var deltaTracker: DeltaTracker?
    private var cornerCoach: CornerCoach?
    /// Whether `cornerCoach` is set, kept beside it (`adopt`) so the per-frame check copies nothing.
    private var hasCornerCoach = false
    private var nextCueID: UInt64 = 1
    private var lastDeltaSessionTime = -Double.infinity
    private var lastFrame: LiveFrame?
    /// Session time at which the current lap began when it did not begin at the line; nil for a timed lap.
    private var untimedLapStart: Double?
    /// The driver's channels while there is no corner coach (no reference yet); the corner coach
    /// keeps them from its first frame on (`CornerCoach.activity`).
    private var activity = ChannelActivity()
    /// Laps completed at the line so far: after one, a channel not live yet is missing, not late.
    private var lapsCompleted = 0

    public init(
        session: SessionDescriptor, reference: ReferenceChoice, language: CueLanguage,
        configuration: DriverCoachConfiguration = .init()
    ) {
        self.session = session
        self.language = language
        self.configuration = configuration
        self.referenceChoice = reference
        self.lapTracker = LapTracker(
            trackLength: session.track.length, configuration: configuration.lapTracking,
            framePacker: configuration.framePacker)
        adopt(reference)
    }

    /// Runs one live frame through the lap tracker, the corner coach and the delta.
    public func process(_ live: LiveFrame, into events: inout [CoachingEvent]) {
        let frame = live.frame
        // Not `cornerCoach == nil`: that copies the whole corner coach (retains and releases of
        // every reference in it) on every frame, about 5 % of the server's CPU by perf.
        if !hasCornerCoach { activity.observe(frame) }
        for lapEvent in lapTracker.ingest(frame) {
            handle(lapEvent, batchSequence: live.batchSequence, into: &events)
        }
        lastFrame = live
        guard let elapsed = lapTracker.elapsedLapTime(at: frame.sessionTime) else {
            // An untimed lap (the out-lap, a lap after a reset) is not coached, but it is recorded:
            // a corner is measured from up to 150 m before its entry, which for a first corner
            // close to the line (Langley's turn 1) lies on the previous lap; without that tail the
            // first flying lap got no advice for it.
            if let start = untimedLapStart { cornerCoach?.recordWithoutCoaching(frame, elapsedLapTime: frame.sessionTime - start) }
            return
        }

        // Optional chaining mutates the coach in place; `cornerCoach != nil` copied the whole
        // struct on every frame (about 6 % of the server's CPU at 1,000 drivers, by perf).
        var cues: [Cue] = []
        cornerCoach?.observe(frame, elapsedLapTime: elapsed, batchSequence: live.batchSequence, into: &cues)
        for var cue in cues {
            cue.saidDistance = Double(frame.lapDistance)
            cue.id = nextCueID
            nextCueID += 1
            events.append(.cue(cue))
        }

        if let (delta, trend) = deltaTracker?.update(
                lapDistance: Double(frame.lapDistance), elapsedLapTime: elapsed, sessionTime: frame.sessionTime),
            frame.sessionTime - lastDeltaSessionTime >= configuration.deltaInterval,
            let lapNumber = lapTracker.currentLapNumber
        {
            lastDeltaSessionTime = frame.sessionTime
            events.append(.delta(DeltaSample(
                lapNumber: lapNumber, lapDistance: Double(frame.lapDistance), delta: delta, trend: trend,
                batchSequence: live.batchSequence)))
        }
    }

    /// The lap in progress as this coach numbers its laps (`lapCompleted` carries the same
    /// number): not the sim's counter, which an export may skip (FSUK's laps 1, 3, 4).
    public var currentLapNumber: Int32? { lapTracker.currentLapNumber }

    /// The session is over: the lap in progress, if any, is reported as a partial lap.
    public func finish(into events: inout [CoachingEvent]) {
        guard let event = lapTracker.end() else { return }
        handle(event, batchSequence: lastFrame?.batchSequence ?? 0, into: &events)
    }

    // MARK: - Relayed messages

    /// Says `message` as a cue after the frame just processed, if that frame is a place where
    /// cues may be said (`CornerCoach.isClear(toSay:at:)`; without a reference, wherever the
    /// driver is off the brake); else nil, and the caller asks again after a later frame.
    public func relay(_ message: RelayedMessage) -> Cue? {
        guard let live = lastFrame else { return nil }
        let frame = live.frame
        let text = message.spokenText
        // Optional chaining, not `if let`: a copy of the corner coach per frame is not free.
        if let clear = cornerCoach?.isClear(toSay: text, at: Double(frame.lapDistance)) {
            guard clear else { return nil }
        } else {
            guard !(frame.brake >= PedalThresholds.brakeOff) else { return nil }
        }
        configuration.speech?.prepare(text, language: language)
        var cue = Cue(
            id: nextCueID, kind: .feedback, topic: .teamMessage, corner: 0, severity: 3, text: text, numbers: CueNumbers(),
            batchSequence: live.batchSequence)
        cue.from = message.sender
        cue.saidDistance = Double(frame.lapDistance)
        nextCueID += 1
        return cue
    }

    // MARK: - Laps

    private func handle(_ event: LapTrackerEvent, batchSequence: UInt64, into events: inout [CoachingEvent]) {
        switch event {
        case .lapStarted(let lapNumber, let startTime):
            // The tracker already holds the new lap: no elapsed time means it did not start at the line.
            untimedLapStart = lapTracker.elapsedLapTime(at: startTime) == nil ? startTime : nil
            cornerCoach?.lapStarted(lapNumber: lapNumber)
            deltaTracker?.reset()
            lastDeltaSessionTime = -.infinity
        case .lapCompleted(var record):
            lapsCompleted += 1
            let measured = cornerCoach?.lapFinished(isValid: record.isValid)
            // An untimed lap was only recorded, not coached: it reports no corner metrics.
            let coached = untimedLapStart == nil ? measured : nil
            // Without corner metrics the braking zones come from the frames, and a lap coached
            // without a reference may become the reference: unpack once for both. Otherwise
            // the lap stays packed (only storage needs its frames).
            if coached == nil { record.lapFrames = .plain(record.frames) }
            let lap = completedLap(from: record, measured: coached)
            events.append(.lapCompleted(lap))
            considerAsOwnBest(record, into: &events)
        case .lapAbandoned(let record):
            cornerCoach?.lapAborted()
            if record.invalidReason == .tooLong {
                // Not from the frames: a lap at the cap is too large to unpack on the live path.
                let extent = record.extent
                events.append(.lapCut(LapCut(lapNumber: record.lapNumber, frameCount: extent.frameCount, duration: extent.duration)))
            }
            events.append(.lapCompleted(completedLap(from: record, measured: nil)))
        case .fragmentDiscarded(let fragment):
            // A fragment that reached the line (a short out-lap) ends like a lap for the corner
            // coach: the frames before the line feed the first corner of the next lap.
            if fragment.endedAtLine { _ = cornerCoach?.lapFinished(isValid: false) } else { cornerCoach?.lapAborted() }
            if fragment.wasCut {
                let extent = fragment.extent
                events.append(.lapCut(LapCut(lapNumber: fragment.lapNumber, frameCount: extent.frameCount, duration: extent.duration)))
            }
            events.append(.lapDiscarded(fragment))
        }
    }

    private func completedLap(
        from record: LapRecord, measured: (corners: [CornerMetrics], brakingZones: [BrakingZone])?
    ) -> CompletedLap {
        var deltaToReference: Double?
        if let lapTime = record.lapTime, let reference = referenceChoice.reference {
            deltaToReference = lapTime - reference.metadata.lapTime
        }
        return CompletedLap(
            lapNumber: record.lapNumber, lapTime: record.lapTime, isValid: record.isValid,
            invalidReason: record.invalidReason?.rawValue, deltaToReference: deltaToReference,
            lapFrames: record.lapFrames, corners: measured?.corners ?? [],
            brakingZones: measured?.brakingZones ?? brakingZones(of: record))
    }

    /// Braking zones of a lap coached without a reference, so stored laps always carry them.
    private func brakingZones(of record: LapRecord) -> [BrakingZone] {
        guard record.isComplete, let grid = grid(of: record) else { return [] }
        return BrakingZoneDetector.zones(in: grid)
    }

    /// The lap on the 1 m grid. It uses the length at which the sim's distance wraps (the tracker's
    /// estimate), not the rounded length from `hello`, so the grid never invents its last metres.
    private func grid(of record: LapRecord) -> ReferenceLap? {
        var track = session.track
        track.length = lapTracker.lapLength
        let metadata = ReferenceLapMetadata(
            sim: session.sim, track: track, car: session.car, lapTime: record.lapTime ?? 0,
            source: "driver-lap:\(record.lapNumber)", date: "")
        return try? ReferenceResampler.resample(
            lapFrames: record.frames, lapStartTime: record.startTime, lapEndTime: record.endTime,
            trackLength: track.length, metadata: metadata)
    }

    // MARK: - Reference

    /// A valid lap faster than the current own-best reference becomes the reference, when no
    /// shipped reference is in use and the configuration allows it.
    private func considerAsOwnBest(_ record: LapRecord, into events: inout [CoachingEvent]) {
        guard configuration.ownBestAsReference, record.isValid, let lapTime = record.lapTime else { return }
        switch referenceChoice.reason {
        case .none: break
        case .driverBest:
            guard let current = referenceChoice.reference, lapTime < current.metadata.lapTime else { return }
        case .shippedForTrackAndCar, .shippedForTrack: return
        }
        guard var lap = grid(of: record) else { return }
        lap.metadata.source = "driver-best:lap \(record.lapNumber)"
        let map = TrackSegmenter.trackMap(for: lap, track: session.track, names: referenceChoice.trackMap)
        let choice = ReferenceChoice(reference: lap, trackMap: map, reason: .driverBest)
        // The tracker reports the next lap's start right after this completion, which starts the new coach's lap.
        adopt(choice)
        events.append(.referenceChanged(choice))
    }

    private func adopt(_ choice: ReferenceChoice) {
        referenceChoice = choice
        if let coach = cornerCoach { activity = coach.activity }
        guard let reference = choice.reference else {
            deltaTracker = nil
            cornerCoach = nil
            hasCornerCoach = false
            return
        }
        let map = choice.trackMap ?? TrackSegmenter.trackMap(for: reference, track: session.track)
        referenceChoice.trackMap = map
        deltaTracker = DeltaTracker(reference: reference)
        var coach = CornerCoach(
            reference: reference, trackMap: map, language: language, configuration: configuration.cues,
            speech: configuration.speech, preferences: configuration.preferences, plans: choice.cornerPlans,
            chunkStores: configuration.framePacker)
        coach.seed(activity: activity)
        cornerCoach = coach
        hasCornerCoach = true
    }

    // MARK: - Topics

    /// The topics this session is coached on, in protocol order (`welcome.topics`): those the
    /// driver did not switch off, whose channels the reference carries (any, before there is a
    /// reference), less those whose channel the driver's frames lacked for a whole lap.
    public var topics: [Cue.Topic] {
        let driverChannels = cornerCoach?.activity.live ?? activity.live
        let seen: Set<CoachingChannel> = lapsCompleted > 0 ? driverChannels : Set(CoachingChannel.allCases)
        let reference = referenceChoice.reference.map { ChannelActivity($0).live } ?? Set(CoachingChannel.allCases)
        return Cue.Topic.judgeable(with: seen.intersection(reference))
            .filter { !configuration.preferences.disabledTopics.contains($0) }
    }
}

/// Settings of a driver's coach; every default is explained where it is declared.
public struct DriverCoachConfiguration: Sendable {
    /// The live coach drops fragments (`LapFragmentRule`): only laps are reported and stored.
    public static let liveLapTracking = LapTrackingConfiguration(fragmentRule: LapFragmentRule())

    public var lapTracking: LapTrackingConfiguration
    public var cues: CueConfiguration
    /// Session seconds between two `delta` events: a few a second is enough for a delta bar and
    /// keeps the message rate low (each message costs ~20 µs of server CPU).
    public var deltaInterval: Double
    /// Use the driver's own best valid lap as the reference when none is shipped for the track and car.
    public var ownBestAsReference: Bool
    /// The voice's speaking times for cue deadlines; nil estimates them from the words.
    public var speech: (any CueSpeech)?
    /// Holds the lap in progress packed (the server passes the storage codec's); nil keeps plain
    /// frames. The completed lap's frames are then the values the lap store keeps. Its chunk
    /// stores (the server's lap spool) hold the lap's packed frames and the live grid's blocks.
    public var framePacker: (any LapFramePacker)?
    /// The driver's own settings (verbosity, units, topics switched off).
    public var preferences: CoachingPreferences

    public init(
        lapTracking: LapTrackingConfiguration = liveLapTracking, cues: CueConfiguration = .init(),
        deltaInterval: Double = 0.25, ownBestAsReference: Bool = true, speech: (any CueSpeech)? = nil,
        framePacker: (any LapFramePacker)? = nil, preferences: CoachingPreferences = .init()
    ) {
        self.preferences = preferences
        self.speech = speech
        self.framePacker = framePacker
        self.lapTracking = lapTracking
        self.cues = cues
        self.deltaInterval = deltaInterval
        self.ownBestAsReference = ownBestAsReference
    }
}
