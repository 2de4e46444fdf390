/// Session time for sims that send a current-lap timer and the last lap's time but no session
/// clock the client can trust across laps (Assetto Corsa's `lapTime`/`lastLap`, Forza's
/// `CurrentLap`/`LastLap`): a frame's time is its lap's start plus the lap timer, and each lap
/// starts where the previous one started plus the game's own time for it. The server, which
/// times laps from crossing to crossing, then stores the game's lap times.
public struct AnchoredLapClock: Sendable {
    /// The game's last-lap time is used only within this of the timer's final reading; beyond
    /// it the lap was not seen whole (a restart, a rewind) and the timer's reading is used.
    public let maximumCorrection: Double

    private var lapStart = 0.0
    private var lap: Int?
    private var lastTimer = 0.0
    private var lastTime: Double?

    public init(maximumCorrection: Double = 5) {
        self.maximumCorrection = maximumCorrection
    }

    /// Session time of a sample, or nil when it does not advance the clock (a repeated physics
    /// step, a paused game resending the same instant).
    /// - Parameters:
    ///   - lap: the sim's lap counter.
    ///   - lapTimer: seconds into the current lap.
    ///   - lastLapTime: the game's time for the previous lap, seconds (<= 0 when none).
    public mutating func time(lap: Int, lapTimer: Double, lastLapTime: Double) -> Double? {
        guard lapTimer.isFinite, lapTimer >= 0 else { return nil }
        if let previous = self.lap, lap != previous {
            let byTimer = lapStart + lastTimer
            var start = byTimer
            if lap == previous + 1, lastLapTime > 0, abs(lapStart + lastLapTime - byTimer) <= maximumCorrection {
                start = lapStart + lastLapTime
            }
            lapStart = start
        } else if self.lap != nil, lapTimer < lastTimer {
            // The timer went back within a lap (a rewind or restart): keep time moving on.
            lapStart += lastTimer - lapTimer
        }
        self.lap = lap
        lastTimer = lapTimer
        let time = lapStart + lapTimer
        if let lastTime, time <= lastTime { return nil }
        lastTime = time
        return time
    }

    /// Forget the lap (a new session or a silent sim): the next sample continues from the last time.
    public mutating func restart() {
        lapStart = (lastTime ?? 0) + 0.001
        lap = nil
        lastTimer = 0
    }
}
