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

    public init(
        lineWindow: Double = 50, endWindowFraction: Double = 0.1, stepSpeedFactor: Double = 2,
        stepSlack: Double = 3, maximumDataGap: Double = 50
    ) {
        self.lineWindow = lineWindow
        self.endWindowFraction = endWindowFraction
        self.stepSpeedFactor = stepSpeedFactor
        self.stepSlack = stepSlack
        self.maximumDataGap = maximumDataGap
    }
}
