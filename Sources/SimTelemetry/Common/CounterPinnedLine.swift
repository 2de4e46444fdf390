/// Puts the start/finish line where the sim's lap counter says it is, for a lap fraction measured
/// some other way (a projection onto a recorded path, AC's spline position): the first frame of a
/// lap is at 0 exactly, a fraction that wraps before the counter moves is held at the lap's end,
/// and one still near the end just after the counter moved is put at 0. The server interpolates
/// the crossing between the last frame of a lap and the first of the next, so with the first
/// frame at 0 the crossing falls on that frame's time, the one the lap clock set.
public struct CounterPinnedLine: Sendable {
    /// Where a held frame sits: short of 1 so the server's crossing interpolation always has a
    /// distance left before the line (0.19 m on a 1.9 km lap).
    public static let endOfLap = 0.9999

    /// The furthest fraction of this lap so far; nil for a lap that did not start at the line
    /// until its first frame.
    private var furthest: Double?
    private var atLine = false

    public init() {}

    /// The counter moved on by one: the next frame is at the line.
    public mutating func lineCrossed() { atLine = true }

    /// A lap started somewhere other than the line (a reset, a new stream).
    public mutating func lapRestarted() {
        furthest = nil
        atLine = false
    }

    public mutating func pinned(_ fraction: Double) -> Double {
        var fraction = min(max(fraction, 0), Self.endOfLap)
        if atLine {
            fraction = 0
            atLine = false
            furthest = 0
        } else if let furthest, furthest < 0.25, fraction > 0.75 {
            fraction = 0  // just after the game's line, before the measured start
        } else if let furthest, furthest > 0.5, fraction < 0.25 {
            fraction = Self.endOfLap  // past the measured start, the game's line still ahead
        }
        furthest = max(furthest ?? fraction, fraction)
        return fraction
    }
}
