/// Lap distance for GT7, which sends none: projected onto a recorded `TrackPath` once one is
/// known, integrated from speed until then; the line placed by the game's lap counter
/// (`CounterPinnedLine`).
public struct GT7LapDistance: Sendable {
    /// Metres the server is told the lap is; projected fractions are scaled to it.
    public var trackLength: Double
    public private(set) var projector: TrackPathProjector?

    private var line = CounterPinnedLine()
    private var integrated = 0.0
    private var integratedAtLine = false

    public init(trackLength: Double, path: TrackPath?) {
        self.trackLength = trackLength
        projector = path.map { TrackPathProjector(path: $0) }
    }

    public var isProjected: Bool { projector != nil }

    public mutating func use(_ path: TrackPath) {
        projector = TrackPathProjector(path: path)
    }

    /// The counter moved on by one: the next frame is at the line.
    public mutating func lineCrossed() {
        line.lineCrossed()
        integratedAtLine = true
    }

    /// A lap started somewhere other than the line (reset, new stream): forget where the car was.
    public mutating func lapRestarted() {
        integrated = 0
        integratedAtLine = true  // the first frame of the restarted lap counts from 0
        line.lapRestarted()
        projector?.forgetPosition()
    }

    /// Distance in metres and, when projected, the lap fraction of one frame.
    public mutating func distance(x: Float, z: Float, speed: Float, seconds: Double) -> (metres: Double, fraction: Double?) {
        guard var projector else {
            let step = Double(max(speed, 0)) * max(seconds, 0)
            integrated = integratedAtLine ? 0 : min(integrated + step, trackLength * CounterPinnedLine.endOfLap)
            integratedAtLine = false
            return (integrated, nil)
        }
        // How far along the car can have got: its speed over the time since the last frame, with
        // the margin a line inside the recorded one needs (the server allows 2 × speed × time + 3 m).
        let advance = 1.8 * Double(max(speed, 0)) * max(seconds, 0) + 2
        let projected = projector.project(x: Double(x), z: Double(z), maximumAdvance: advance).distance / projector.path.length
        self.projector = projector
        let fraction = line.pinned(projected)
        return (fraction * trackLength, fraction)
    }
}
