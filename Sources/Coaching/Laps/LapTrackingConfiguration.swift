/// Thresholds of the `LapTracker`, each derived from how fast a car can move between two frames:
/// at 90 m/s a 60 Hz frame moves 1.5 m, and 16 Hz batches still carry every 60 Hz frame, so a
/// genuine step between consecutive frames is a few metres at most.
public struct LapTrackingConfiguration: Sendable, Equatable {
    /// Metres after the line in which the first frame of a new lap must lie for a distance wrap.
    /// 50 m is over 30 frames at 90 m/s: generous for lost frames, far too short for a lap.
    public var lineWindow: Double
    /// Fraction of the track before the line in which the last frame of a lap must lie for a wrap;
    /// the window is `max(lineWindow, endWindowFraction × length)`, because the sim's distance at
    /// the line can fall a little short of the declared length (centre line vs. layout length).
    public var endWindowFraction: Double
    /// Multiplier on `speed × Δt` for the largest plausible step between frames. Distance runs
    /// along the centre line, so on the inside of a tight hairpin it grows faster than the car's
    /// ground speed (about 1.7× at 15 m radius with a 12 m wide track); 2 covers that.
    public var stepSpeedFactor: Double
    /// Metres added to the plausible step: distance jitter and a standing car's noise. A reset or
    /// tow moves the car by hundreds of metres, so a few metres never hides one.
    public var stepSlack: Double
    /// Largest gap between consecutive frames of a valid lap, metres (see `LapInvalidReason.dataGap`).
    public var maximumDataGap: Double
    /// Frames a lap in progress may hold before it is cut (`LapInvalidReason.tooLong`): the memory
    /// bound of a car that never reaches the line. 500,000 is 2.3 h at 60 Hz, above the time cap,
    /// so a 60 Hz client meets the time cap first; it stops a client that sends frames faster than
    /// any sim (session time barely advancing), and keeps the lap under the lap store's
    /// 1,000,000-frame blob limit. About 7.5 MB packed, 44 MB unpacked when the cut lap is stored.
    public var maximumLapFrames: Int
    /// Seconds of session time a lap in progress may last before it is cut. The slowest real laps
    /// are a few minutes (Nordschleife 24 h layout, 25.4 km: 8-10 min racing, about 20 min behind a
    /// safety car, 30-40 min limping back with damage or with a long repair in the pit lane); 2 h is
    /// well above any of them, and a car left standing for hours holds at most 2 h of frames.
    public var maximumLapDuration: Double
    /// Laps that are fragments by this rule are dropped (`LapTrackerEvent.fragmentDiscarded`)
    /// instead of reported; nil reports every lap cut (the reference tools list them all).
    public var fragmentRule: LapFragmentRule?

    public init(
        lineWindow: Double = 50, endWindowFraction: Double = 0.1, stepSpeedFactor: Double = 2,
        stepSlack: Double = 3, maximumDataGap: Double = 50, maximumLapFrames: Int = 500_000,
        maximumLapDuration: Double = 7_200, fragmentRule: LapFragmentRule? = nil
    ) {
        self.lineWindow = lineWindow
        self.endWindowFraction = endWindowFraction
        self.stepSpeedFactor = stepSpeedFactor
        self.stepSlack = stepSlack
        self.maximumDataGap = maximumDataGap
        self.maximumLapFrames = maximumLapFrames
        self.maximumLapDuration = maximumLapDuration
        self.fragmentRule = fragmentRule
    }
}
