import Telemetry

/// Cuts one car's frame stream into laps: finds the start/finish line crossings (interpolated
/// between frames), times the laps, and marks the ones that must not count.
///
/// Rules (thresholds in `LapTrackingConfiguration`):
/// - A lap ends when the distance wraps from near the end to near 0, or the lap counter moves on
///   and the distance falls back; a counter that moves a frame early or late counts once.
/// - The first lap seen started wherever the car was: an out-lap, unless its first frame lies no
///   further past the line than the car travels in one frame (`LapTracker+FirstLap`): then it
///   is a timed lap from the line. A jump no car can drive (reset, tow) abandons the lap and
///   starts an invalid one at the new place.
/// - Pit road, pit stall, off track and data holes invalidate the lap they happen in.
/// - A lap in progress past `maximumLapFrames` frames or `maximumLapDuration` seconds is cut
///   (`tooLong`), like a reset: the memory a car that never reaches the line can hold is bounded.
/// - Dropped, never fatal: non-finite rows, rows not in the world, rows whose session time does not
///   advance, and iRacing's uninitialised `lap 0 / distance 0` row.
/// - The line is placed with `lapLength`, the length at which the distance really wraps (measured
///   when frames carry the lap fraction), not the declared `trackLength`: see `LapLengthEstimate`.
public struct LapTracker: Sendable {
    /// The declared track length, metres (the session info's or the client's hello).
    public let trackLength: Double
    public let configuration: LapTrackingConfiguration
    /// Packs the lap in progress chunk by chunk (the server's memory budget); nil keeps plain frames.
    let framePacker: (any LapFramePacker)?
    private var lengthEstimate: LapLengthEstimate

    private var lastFrame: TelemetryFrame?
    private var current: LapInProgress?
    /// The session's first usable frame while it waits for the second: only the step between
    /// them tells whether the first lap started at the line (`firstLap(from:next:)`).
    private var firstFrame: TelemetryFrame?
    private var counterAheadOfDistance = false

    public init(
        trackLength: Double, configuration: LapTrackingConfiguration = .init(), framePacker: (any LapFramePacker)? = nil
    ) {
        self.trackLength = trackLength
        self.configuration = configuration
        self.framePacker = framePacker
        lengthEstimate = LapLengthEstimate(declared: trackLength)
    }

    /// Metres at which the distance channel wraps to 0: measured from frames that carry both
    /// distance and lap fraction (576.28 m at Langley, declared "0.58 km"), else `trackLength`.
    /// Lap times are interpolated with it, and a lap's frames lie on `0..<lapLength`, so it is
    /// also the length to put the lap on a distance grid with.
    public var lapLength: Double { lengthEstimate.length }

    private var classifier: FrameStepClassifier {
        FrameStepClassifier(trackLength: lapLength, configuration: configuration)
    }

    /// The lap the latest frame belongs to; nil before the first frame.
    @inline(__always) public var currentLapNumber: Int32? { current?.lapNumber }

    /// Heap bytes the frames of the lap in progress take (packed chunks kept in memory, the
    /// list of chunks, and the plain tail).
    public var lapInProgressBytes: Int { current?.frames.heapBytes ?? 0 }

    /// Packed chunks of the lap in progress that its `LapChunkStore` holds, not memory.
    public var lapInProgressChunksStored: Int { current?.frames.storedChunkCount ?? 0 }

    /// Time since the current lap's line crossing; nil when the lap did not start at the line
    /// (out-lap, after a reset) or `sessionTime` is before its start.
    ///
    /// Called for every frame: it reads two fields in place (`current?.`) and is inlined, so the
    /// caller copies neither the tracker nor the lap (`guard let current` retained and released
    /// every reference the lap holds, per frame: docs/performance.md).
    @inline(__always) public func elapsedLapTime(at sessionTime: Double) -> Double? {
        guard current?.startedAtLine == true, let start = current?.startTime, sessionTime >= start else { return nil }
        return sessionTime - start
    }

    /// Feeds one frame; returns what it caused (usually nothing).
    public mutating func ingest(_ frame: TelemetryFrame) -> [LapTrackerEvent] {
        guard isUsable(frame) else { return [] }
        lengthEstimate.add(frame)
        // `current` is mutated in place below (never through a copy), so appending a frame does
        // not copy the lap's frame array: a copy per frame made lap tracking O(n²) per lap. Even
        // `current != nil` copied the lap (a retain and release of each reference it holds) and
        // `current?.lapNumber` does not.
        guard current?.lapNumber != nil else {
            guard let first = firstFrame else {
                firstFrame = frame
                lastFrame = frame
                return []
            }
            firstFrame = nil
            let started = start(firstLap(from: first, next: frame), with: first)
            return [started] + step(from: first, to: frame)
        }
        guard let previous = lastFrame else { return [] }
        return step(from: previous, to: frame)
    }

    /// The events of one step between consecutive usable frames of a lap in progress.
    private mutating func step(from previous: TelemetryFrame, to frame: TelemetryFrame) -> [LapTrackerEvent] {
        lastFrame = frame
        if let cut = cutIfTooLong(before: frame) { return cut }

        switch classifier.classify(from: previous, to: frame, counterAlreadyUp: counterAheadOfDistance) {
        case .along(let gap):
            if frame.lapDistance < Float(classifier.endWindowStart) { counterAheadOfDistance = false }
            if gap { current?.invalidate(.dataGap) }
            current?.append(frame)
            return []
        case .counterAhead:
            counterAheadOfDistance = true
            current?.append(frame)
            return []
        case .crossing(let time, let gapBefore, let gapAfter):
            counterAheadOfDistance = false
            guard var lap = current else { return [] }
            if gapBefore { lap.invalidate(.dataGap) }
            var next = LapInProgress(
                lapNumber: lap.lapNumber &+ 1, startTime: time, startedAtLine: true, packer: framePacker)
            if gapAfter { next.invalidate(.dataGap) }
            return [judged(lap) { .lapCompleted($0.completed(at: time)) }, start(next, with: frame)]
        case .discontinuity:
            counterAheadOfDistance = false
            guard let lap = current else { return [] }
            let next = LapInProgress(
                lapNumber: frame.lapNumber, startTime: frame.sessionTime, startedAtLine: false,
                invalidReason: .reset, packer: framePacker)
            return [judged(lap, ending: .reset) { .lapAbandoned($0.ended(because: .reset)) }, start(next, with: frame)]
        }
    }

    /// Ends the lap in progress when `frame` would take it past the frame or time cap, and starts
    /// the next one (untimed) with `frame`; nil when the lap may go on.
    private mutating func cutIfTooLong(before frame: TelemetryFrame) -> [LapTrackerEvent]? {
        // Checked through `current?.` (in place): binding the lap first copied it on every frame.
        guard let count = current?.frames.count, let startTime = current?.startTime,
              count >= configuration.maximumLapFrames || frame.sessionTime - startTime > configuration.maximumLapDuration,
              let lap = current
        else { return nil }
        counterAheadOfDistance = false
        let next = LapInProgress(
            lapNumber: frame.lapNumber, startTime: frame.sessionTime, startedAtLine: false, invalidReason: .tooLong,
            packer: framePacker)
        return [judged(lap, ending: .tooLong) { .lapAbandoned($0.ended(because: .tooLong)) }, start(next, with: frame)]
    }

    /// Ends the session: returns the lap in progress as a partial lap (nil before any frame) and
    /// forgets everything, so a later frame starts a new out-lap.
    public mutating func finish() -> LapRecord? {
        startPendingFirstLap()
        defer {
            current = nil
            lastFrame = nil
            counterAheadOfDistance = false
        }
        return current?.ended(because: .partial)
    }

    /// Like `finish`, judged by the fragment rule: the partial lap as `lapAbandoned`, or
    /// `fragmentDiscarded` when it is not a lap; nil before any frame.
    public mutating func end() -> LapTrackerEvent? {
        startPendingFirstLap()
        guard let lap = current else { return nil }
        let event = judged(lap, ending: .partial) { .lapAbandoned($0.ended(because: .partial)) }
        _ = finish()
        return event
    }

    /// `ending(lap)`, or `fragmentDiscarded` when the fragment rule says the lap is not one.
    /// `endingReason` is the reason the lap ends with away from the line; nil when it ends at the line.
    private func judged(
        _ lap: LapInProgress, ending endingReason: LapInvalidReason? = nil, _ ending: (LapInProgress) -> LapTrackerEvent
    ) -> LapTrackerEvent {
        guard let rule = configuration.fragmentRule,
              let reason = rule.fragmentReason(of: lap.extent, lapLength: lapLength)
        else { return ending(lap) }
        return .fragmentDiscarded(LapFragment(
            lapNumber: lap.lapNumber, invalidReason: endingReason ?? lap.invalidReason, endedAtLine: endingReason == nil,
            extent: lap.extent, reason: reason))
    }

    /// A session that ends after one frame: that frame is an out-lap of its own.
    private mutating func startPendingFirstLap() {
        guard current == nil, let first = firstFrame else { return }
        firstFrame = nil
        _ = start(LapInProgress(
            lapNumber: first.lapNumber, startTime: first.sessionTime, startedAtLine: false, invalidReason: .outLap,
            packer: framePacker), with: first)
    }

    private mutating func start(_ lap: LapInProgress, with frame: TelemetryFrame) -> LapTrackerEvent {
        var lap = lap
        lap.append(frame)
        current = lap
        return .lapStarted(lapNumber: lap.lapNumber, startTime: lap.startTime)
    }

    /// Rows that say nothing about where the car is, or arrive out of time order.
    private func isUsable(_ frame: TelemetryFrame) -> Bool {
        guard frame.sessionTime.isFinite, frame.lapDistance.isFinite, frame.trackSurface != .notInWorld else {
            return false
        }
        // iRacing writes `Lap 0, LapDist 0, LapDistPct 0, Speed 0` as its first record and again
        // when the car is reset to the pits; the real position is elsewhere, so the row is noise.
        let fraction = frame.lapDistanceFraction
        if frame.lapNumber == 0, frame.lapDistance == 0, frame.speed == 0, fraction == 0 || fraction.isNaN {
            return false
        }
        if let lastFrame, frame.sessionTime <= lastFrame.sessionTime { return false }
        return true
    }
}
