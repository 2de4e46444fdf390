import Coaching
import LapSynthesis
import Telemetry

/// One driver's endless frame stream: its laps from a start offset, looped with session time
/// and lap numbers running on, and a little noise of its own on speed.
struct FrameLoop: Sendable {
    let laps: DriverLaps
    /// Index of the driver's first frame in `laps.frames`.
    let startOffset: Int
    /// Added to every frame's session time, so drivers do not share a clock.
    let timeBase: Double
    let noiseSeed: UInt64
    /// When false the stream ends after one pass (the `stream` replay).
    let loops: Bool

    private var count: Int { laps.frames.count }
    /// Session time and lap count of one pass, to shift later passes by.
    private var passDuration: Double {
        guard let first = laps.frames.first, let last = laps.frames.last else { return 0 }
        return last.sessionTime - first.sessionTime + 1 / LoadOptions.frameRate
    }
    private var passLaps: Int32 {
        guard let first = laps.frames.first, let last = laps.frames.last else { return 0 }
        return last.lapNumber &- first.lapNumber &+ 1
    }

    /// Frames `range` of the stream (positions from 0); shorter at the end of a non-looping stream.
    func frames(_ range: Range<Int>) -> [TelemetryFrame] {
        var out: [TelemetryFrame] = []
        out.reserveCapacity(range.count)
        for position in range {
            let absolute = startOffset + position
            let pass = absolute / count
            guard loops || pass == 0 else { break }
            var frame = laps.frames[absolute % count]
            frame.sessionTime += timeBase + Double(pass) * passDuration
            frame.lapNumber = frame.lapNumber &+ Int32(truncatingIfNeeded: pass) &* passLaps
            var generator = SeededGenerator(seed: noiseSeed ^ UInt64(truncatingIfNeeded: absolute))
            frame.speed = max(0, frame.speed + Float(generator.normal(0.05)))
            out.append(frame)
        }
        return out
    }

    /// Frames left in a non-looping stream from `position`; `Int.max` when looping.
    func remaining(from position: Int) -> Int {
        loops ? .max : max(0, min(count, laps.replayRange.upperBound) - startOffset - position)
    }
}
