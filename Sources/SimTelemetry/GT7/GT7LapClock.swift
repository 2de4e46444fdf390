/// The session clock of a GT7 stream. GT7 sends no time, only a packet id per 60 Hz tick and, at
/// each line crossing, the lap just finished in milliseconds (0x7C).
///
/// Within a lap, time runs with the ticks of packets received or lost while driving (paused
/// packets stop it, as they stop the game's lap timer). At a crossing the new lap starts at the
/// previous crossing plus the game's own last-lap time, so the server, which times a lap from
/// crossing to crossing, stores exactly the game's lap time even after lost packets. A lap that
/// did not start at the line (the first one seen, one after a reset) is timed by ticks.
public struct GT7LapClock: Sendable {
    /// Seconds per packet: 1/60 on PS5 (the PS4 rate is unverified).
    public let tickDuration: Double
    /// The game's lap time is trusted only when it is within this of the ticks' count; more is a
    /// lap the client did not see whole (a pause it missed, a restarted stream).
    public let maximumCorrection: Double
    /// Times the game's crossing lay at or before a frame already sent (the ticks ran ahead), so
    /// the crossing was put just after that frame instead.
    public private(set) var lateCrossings = 0

    private var lapStart = 0.0
    private var lapTicks = 0
    private var lastTime: Double?
    private var lapStartedAtLine = false

    public init(tickDuration: Double = 1.0 / 60, maximumCorrection: Double = 5) {
        self.tickDuration = tickDuration
        self.maximumCorrection = maximumCorrection
    }

    /// Session time of a packet `ticks` after the previous one in the same lap.
    public mutating func advance(ticks: Int) -> Double {
        guard lastTime != nil else { return start(at: 0) }
        lapTicks += max(ticks, 0)
        return handOut(lapStart + Double(lapTicks) * tickDuration)
    }

    /// Session time of the first packet of a lap whose counter moved on by one, `ticks` after the
    /// previous packet; `gameLapTimeMs` is the game's time of the lap that ended (0x7C).
    public mutating func crossLine(ticks: Int, gameLapTimeMs: Int32) -> Double {
        guard let lastTime else { return start(at: 0, atLine: true) }
        let byTicks = lapStart + Double(lapTicks + max(ticks, 0)) * tickDuration
        var crossing = byTicks
        if lapStartedAtLine, gameLapTimeMs > 0 {
            let byGame = lapStart + Double(gameLapTimeMs) / 1000
            if abs(byGame - byTicks) <= maximumCorrection { crossing = byGame }
        }
        if crossing <= lastTime {
            lateCrossings += 1
            crossing = lastTime + 0.001
        }
        return start(at: crossing, atLine: true)
    }

    /// Session time of a packet that starts a lap any other way (counter reset, jump, a new stream
    /// after silence): `seconds` after the last time handed out.
    public mutating func startLap(after seconds: Double) -> Double {
        start(at: (lastTime ?? 0) + max(seconds, tickDuration))
    }

    private mutating func start(at time: Double, atLine: Bool = false) -> Double {
        lapStart = time
        lapTicks = 0
        lapStartedAtLine = atLine && lastTime != nil
        lastTime = time
        return time
    }

    private mutating func handOut(_ time: Double) -> Double {
        let time = max(time, (lastTime ?? 0) + 1e-6)
        lastTime = time
        return time
    }
}
