import Telemetry

/// Cuts one car's frame stream into laps: finds the start/finish line crossings (interpolated
/// between frames), times the laps, and marks the ones that must not count.
///
/// Rules (thresholds in `LapTrackingConfiguration`):
/// - A lap ends when the distance wraps from near the end to near 0, or the lap counter moves on
///   and the distance falls back; a counter that moves a frame early or late counts once.
/// - The first lap seen started wherever the car was: an out-lap. A jump no car can drive (reset,
///   tow) abandons the lap and starts an invalid one at the new place.
/// - Pit road, pit stall, off track and data holes invalidate the lap they happen in.
/// - Dropped, never fatal: non-finite rows, rows not in the world, rows whose session time does not
///   advance, and iRacing's uninitialised `lap 0 / distance 0` row.
public struct LapTracker: Sendable {
    public let trackLength: Double
    public let configuration: LapTrackingConfiguration
    private let classifier: FrameStepClassifier

    private var lastFrame: TelemetryFrame?
    private var current: LapInProgress?
    private var counterAheadOfDistance = false

    public init(trackLength: Double, configuration: LapTrackingConfiguration = .init()) {
        self.trackLength = trackLength
        self.configuration = configuration
        classifier = FrameStepClassifier(trackLength: trackLength, configuration: configuration)
    }

    /// The lap the latest frame belongs to; nil before the first frame.
    public var currentLapNumber: Int32? { current?.lapNumber }

    /// Time since the current lap's line crossing; nil when the lap did not start at the line
    /// (out-lap, after a reset) or `sessionTime` is before its start.
    public func elapsedLapTime(at sessionTime: Double) -> Double? {
        guard let current, current.startedAtLine, sessionTime >= current.startTime else { return nil }
        return sessionTime - current.startTime
    }

    /// Feeds one frame; returns what it caused (usually nothing).
    public mutating func ingest(_ frame: TelemetryFrame) -> [LapTrackerEvent] {
        guard isUsable(frame) else { return [] }
        guard let previous = lastFrame, var lap = current else {
            lastFrame = frame
            return [start(LapInProgress(
                lapNumber: frame.lapNumber, startTime: frame.sessionTime, startedAtLine: false,
                invalidReason: .outLap), with: frame)]
        }
        lastFrame = frame

        switch classifier.classify(from: previous, to: frame, counterAlreadyUp: counterAheadOfDistance) {
        case .along(let gap):
            if frame.lapDistance < Float(classifier.endWindowStart) { counterAheadOfDistance = false }
            if gap { lap.invalidate(.dataGap) }
            lap.append(frame)
            current = lap
            return []
        case .counterAhead:
            counterAheadOfDistance = true
            lap.append(frame)
            current = lap
            return []
        case .crossing(let time, let gapBefore, let gapAfter):
            counterAheadOfDistance = false
            if gapBefore { lap.invalidate(.dataGap) }
            var next = LapInProgress(lapNumber: lap.lapNumber &+ 1, startTime: time, startedAtLine: true)
            if gapAfter { next.invalidate(.dataGap) }
            return [.lapCompleted(lap.completed(at: time)), start(next, with: frame)]
        case .discontinuity:
            counterAheadOfDistance = false
            let next = LapInProgress(
                lapNumber: frame.lapNumber, startTime: frame.sessionTime, startedAtLine: false,
                invalidReason: .reset)
            return [.lapAbandoned(lap.ended(because: .reset)), start(next, with: frame)]
        }
    }

    /// Ends the session: returns the lap in progress as a partial lap (nil before any frame) and
    /// forgets everything, so a later frame starts a new out-lap.
    public mutating func finish() -> LapRecord? {
        defer {
            current = nil
            lastFrame = nil
            counterAheadOfDistance = false
        }
        return current?.ended(because: .partial)
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
