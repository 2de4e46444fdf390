import Telemetry

/// The lap the `LapTracker` is currently filling.
struct LapInProgress: Sendable {
    var lapNumber: Int32
    var frames: LapFrameLog
    var startTime: Double
    /// True when the lap began at an interpolated line crossing (so it can have a lap time).
    var startedAtLine: Bool
    var invalidReason: LapInvalidReason?
    /// Where and when the frames lie, for the fragment rule (no unpacking needed).
    private(set) var extent = LapExtent()

    init(
        lapNumber: Int32, startTime: Double, startedAtLine: Bool, invalidReason: LapInvalidReason? = nil,
        packer: (any LapFramePacker)?
    ) {
        self.lapNumber = lapNumber
        self.frames = LapFrameLog(packer: packer)
        self.startTime = startTime
        self.startedAtLine = startedAtLine
        self.invalidReason = invalidReason
    }

    /// Marks the lap invalid for `reason` unless it already is: the first reason is the one kept.
    mutating func invalidate(_ reason: LapInvalidReason) {
        if invalidReason == nil { invalidReason = reason }
    }

    /// Adds a frame and applies the per-frame rules (pit road, off track).
    mutating func append(_ frame: TelemetryFrame) {
        frames.append(frame)
        extent.add(frame)
        if frame.onPitRoad || frame.trackSurface == .inPitStall { invalidate(.pitRoad) }
        if frame.trackSurface == .offTrack { invalidate(.offTrack) }
    }

    /// The record of this lap ended at the line at `endTime`.
    func completed(at endTime: Double) -> LapRecord {
        let (frames, reason) = held()
        return LapRecord(
            lapNumber: lapNumber, lapFrames: frames, extent: extent, startTime: startTime, endTime: endTime,
            lapTime: startedAtLine ? endTime - startTime : nil, isComplete: true, invalidReason: reason)
    }

    /// The record of this lap ended away from the line; `reason` says how it ended.
    func ended(because reason: LapInvalidReason) -> LapRecord {
        LapRecord(
            lapNumber: lapNumber, lapFrames: held().frames, extent: extent, startTime: startTime, endTime: nil, lapTime: nil,
            isComplete: false, invalidReason: reason)
    }

    /// The frames as held (packed, not unpacked), and the lap's invalid reason: a chunk that
    /// could not be read back leaves frames missing, which is what `dataGap` means.
    private func held() -> (frames: LapFrames, reason: LapInvalidReason?) {
        let (frames, complete) = self.frames.packedFrames()
        return (frames, complete ? invalidReason : invalidReason ?? .dataGap)
    }
}
