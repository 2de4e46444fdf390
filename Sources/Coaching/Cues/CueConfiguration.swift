/// When a deviation is worth a cue, and when a cue is said.
///
/// Deviation thresholds sit above what a consistent driver varies lap to lap and are worth
/// about a tenth of a second at the speeds where they happen.
public struct CueConfiguration: Sendable, Equatable {
    /// Brake point, metres. 8 m at 40 m/s is 0.2 s of braking in the wrong place; consistent
    /// drivers repeat their brake points within about 5 m, so smaller shifts are noise.
    public var brakePointThreshold: Double = 8
    /// Apex speed, km/h. 3 km/h (0.8 m/s) at a 20 m/s apex is 4% slower for the whole slow part
    /// of the corner (about 0.1 s on a 60 m apex section); sims report speed to 0.1 m/s.
    public var apexSpeedThreshold: Double = 3
    /// Throttle pick-up, metres. 15 m at a 25 m/s exit is 0.6 s later on the power; drivers vary
    /// the pick-up more than the brake point because it follows the car's balance.
    public var throttlePickupThreshold: Double = 15
    /// Extra coasting (neither pedal), metres. 15 m without braking or driving is 0.3-0.5 s not
    /// using the tyres.
    public var coastingThreshold: Double = 15
    /// Brake release, metres (net of the brake point's shift). Letting the brake off takes
    /// 0.2-0.4 s, 6-12 m at a 30 m/s corner entry: a smaller shift is the shape of one release,
    /// not another release point. 15 m early is 0.3-0.5 s rolling where the reference trails the
    /// brake, the coasting threshold.
    public var brakeReleaseThreshold: Double = 15
    /// Brake release length (its shape, `BrakeReleaseShape`), metres shorter than the
    /// reference's scaled to the lap's braking: only the abrupt side is said. 20 m is 0.5-0.7 s
    /// less trail at a 30-40 m/s turn-in, where the grip moves from braking to turning; it is
    /// three times the largest reading on clean synthesised laps (6 m) and twice the real laps'
    /// median lap-to-lap scatter (4-11 m), so it speaks of a release clearly shorter than a
    /// driver's own scatter (docs/coaching.md, "Trail braking's shape").
    public var brakeReleaseLengthThreshold: Double = 20
    /// Consistency: spread of a corner's brake point over the last valid laps (`ConsistencyTracker`),
    /// metres. Consistent drivers repeat their brake points within about 5 m; three times that
    /// means the laps miss each other by two brake point thresholds, which one lap's advice
    /// cannot fix.
    public var brakePointSpreadThreshold: Double = 15
    /// Consistency: spread of a corner's apex speed, km/h; twice the apex speed threshold, so
    /// the laps scatter a threshold either side of their middle.
    public var apexSpeedSpreadThreshold: Double = 6
    /// Valid laps a spread is taken over (the most recent), and the fewest it is judged from:
    /// with one reading left out as a one-off, 4 laps leave 3, the fewest that show a scatter.
    public var consistencyLaps: Int = 5
    public var consistencyMinimumLaps: Int = 4
    /// Racing line at the apex, metres off the reference's line. A car is about 2 m wide: an apex
    /// a car's width off the reference's is a different line (docs/coaching.md "Racing line").
    public var lineApexThreshold: Double = 2
    /// Racing line at the turn-in, metres: the turn-in point is where the line is least pinned
    /// (the car is still straight), so half a car's width more.
    public var lineTurnInThreshold: Double = 3
    /// Whether a different gear at the apex is called.
    public var coachGear: Bool = true

    /// A habit is a deviation on the same side on this many valid laps in a row.
    public var habitLaps: Int = 2
    /// A habit ends after `habitLaps` laps within this fraction of the threshold (hysteresis:
    /// one good lap does not silence advice the driver still needs).
    public var habitReleaseFraction: Double = 0.5
    /// Advice is learned (and goes quiet until the habit returns, `LearnedAdvice`) once its corner
    /// stays within `habitReleaseFraction` of the threshold on this many valid laps after it was
    /// said: one more than a habit takes to end, so a driver who has fixed a corner is not told
    /// again after one slip.
    public var learnedLaps: Int = 3
    /// The same advice for a corner is not repeated within this many laps unless it got worse.
    public var cooldownLaps: Int = 2
    /// "Worse" means at least this factor larger than when last said.
    public var worseningFactor: Double = 1.25

    /// Speech rate for deadlines: 2.5 words per second is a brisk radio voice.
    public var wordsPerSecond: Double = 2.5
    /// Fixed speech overhead: clip start-up plus the pause before the words, seconds.
    public var speechOverhead: Double = 0.3
    /// With a rendered clip its own length replaces the word estimate (its pauses included);
    /// this is added for the clip reaching the driver and starting to play (network, Opus
    /// decode, the audio device's buffer), seconds.
    public var playbackStartDelay: Double = 0.1
    /// Time between hearing the end of a cue and acting on it (a simple reaction is ~0.25 s;
    /// acting on words takes about twice that), seconds. Sets the anticipatory deadline.
    public var reactionTime: Double = 0.5
    /// Extra distance before the latest trigger point, metres: network, queueing and the clip
    /// arriving late at 60-70 m/s eat about 20 m.
    public var leadMargin: Double = 25
    /// Feedback not said within this distance after its corner is dropped as stale, metres.
    public var feedbackExpiry: Double = 200

    public init() {}

    /// Seconds needed to say `text`. Numbers are one word; unit abbreviations with a slash
    /// ("km/h", "km/sa") are spoken as three.
    public func speakingTime(of text: String) -> Double {
        let words = text.split(whereSeparator: { $0 == " " }).reduce(0) { $0 + ($1.contains("/") ? 3 : 1) }
        return Double(words) / max(wordsPerSecond, 0.5) + speechOverhead
    }
}
