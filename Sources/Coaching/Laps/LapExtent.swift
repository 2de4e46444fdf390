import Telemetry

/// Where and when a lap's frames lie, kept as frames arrive: enough to judge whether the lap is
/// a lap (`LapFragmentRule`) without unpacking its frames.
public struct LapExtent: Sendable, Equatable {
    public private(set) var frameCount = 0
    /// Lowest and highest lap distance among the frames, metres.
    public private(set) var lowestDistance = Double.infinity
    public private(set) var highestDistance = -Double.infinity
    /// Session time of the first and the last frame, seconds.
    public private(set) var firstTime = Double.nan
    public private(set) var lastTime = Double.nan

    public init() {}

    public init(_ frames: some Sequence<TelemetryFrame>) {
        for frame in frames { add(frame) }
    }

    mutating func add(_ frame: TelemetryFrame) {
        let distance = Double(frame.lapDistance)
        if frameCount == 0 { firstTime = frame.sessionTime }
        frameCount += 1
        lastTime = frame.sessionTime
        lowestDistance = min(lowestDistance, distance)
        highestDistance = max(highestDistance, distance)
    }

    /// Metres of track between the lowest and the highest distance: what the lap covers. Going
    /// back and forth never adds to it, and it never exceeds the lap length.
    public var distanceCovered: Double { frameCount > 0 ? max(highestDistance - lowestDistance, 0) : 0 }

    /// Seconds from the first frame to the last.
    public var duration: Double { frameCount > 0 ? lastTime - firstTime : 0 }
}
