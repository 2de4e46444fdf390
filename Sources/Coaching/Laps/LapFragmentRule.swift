/// What a lap is, as opposed to a fragment of one: the rule that decides which of the laps the
/// `LapTracker` cuts are kept (stored, reported) and which are dropped as fragments.
///
/// A fragment is what a reset, a tow or broken data leaves: a lap abandoned a few metres after
/// it started, or a "lap" from a distance channel that jumps back and forth. Each used to be
/// stored as a lap of its own (one transaction each; 5,999 in 3 s from one client). A lap must:
/// - cover at least `minimumCoverage` of the lap length (between its lowest and highest
///   distance): the out-lap from a pit stall and a session ended or reset mid-lap are laps,
///   the first metres after a reset and the ends of a recording are not;
/// - have frames no further apart on average than `maximumMeanFrameSpacing`: a real client
///   sends every sim frame (60 Hz is 1.5 m apart at 90 m/s), so a lap whose average step is a
///   data hole carries no data;
/// - not cover its distance faster than `maximumAverageSpeed` on average.
///
/// Defaults are checked against every real lap in ../shared/data (`LapFragmentRuleRealDataTests`).
public struct LapFragmentRule: Sendable, Equatable {
    /// Share of the lap length a lap covers at least. A quarter: a piece that long still holds
    /// several corners of driving worth reviewing. On the real laps in ../shared/data the pieces
    /// below it are 0-18 % (recording ends, a reset's remains), those above 38-100 % (a reset
    /// mid-lap at Langley, the partial lap at 50 % the end-to-end test stores, out-laps at 87 %).
    public var minimumCoverage: Double
    /// Metres between frames on average at most: `LapTrackingConfiguration.maximumDataGap`, the
    /// step above which a lap already counts as having a hole.
    public var maximumMeanFrameSpacing: Double
    /// m/s averaged over the lap at most. The fastest real laps average about 105 m/s (IndyCar at
    /// superspeedways, 380 km/h); 150 m/s (540 km/h) leaves room for any sim car.
    public var maximumAverageSpeed: Double

    public init(minimumCoverage: Double = 0.25, maximumMeanFrameSpacing: Double = 50, maximumAverageSpeed: Double = 150) {
        self.minimumCoverage = minimumCoverage
        self.maximumMeanFrameSpacing = maximumMeanFrameSpacing
        self.maximumAverageSpeed = maximumAverageSpeed
    }

    /// Why the lap with this extent is a fragment on a lap of `lapLength` metres; nil for a lap.
    public func fragmentReason(of extent: LapExtent, lapLength: Double) -> LapFragmentReason? {
        let covered = extent.distanceCovered
        guard extent.frameCount >= 2, covered >= minimumCoverage * lapLength else { return .tooShort }
        if covered > maximumMeanFrameSpacing * Double(extent.frameCount - 1) { return .tooSparse }
        if covered > maximumAverageSpeed * extent.duration { return .tooFast }
        return nil
    }
}

/// Why a lap the tracker cut is not a lap. Raw values are stable strings (logs, metrics).
public enum LapFragmentReason: String, Sendable, CaseIterable {
    /// It covers less than `LapFragmentRule.minimumCoverage` of the lap (or has one frame).
    case tooShort = "too_short"
    /// Its frames are further apart on average than `LapFragmentRule.maximumMeanFrameSpacing`.
    case tooSparse = "too_sparse"
    /// It covers its distance faster than `LapFragmentRule.maximumAverageSpeed`.
    case tooFast = "too_fast"
}

/// A lap the tracker cut and dropped as a fragment: what it was, and why it is not a lap.
public struct LapFragment: Sendable, Equatable {
    public var lapNumber: Int32
    /// The reason the lap would have been invalid (`reset`, `partial`, `too_long`, ...); nil
    /// for a "lap" from line to line that is still a fragment (e.g. too fast).
    public var invalidReason: LapInvalidReason?
    /// True when it ended at the line, false when it was abandoned, cut or ended with the session.
    public var endedAtLine: Bool
    public var extent: LapExtent
    public var reason: LapFragmentReason

    public init(
        lapNumber: Int32, invalidReason: LapInvalidReason?, endedAtLine: Bool, extent: LapExtent, reason: LapFragmentReason
    ) {
        self.lapNumber = lapNumber
        self.invalidReason = invalidReason
        self.endedAtLine = endedAtLine
        self.extent = extent
        self.reason = reason
    }

    /// True for a lap in progress cut at the lap cap (`LapInvalidReason.tooLong`).
    public var wasCut: Bool { !endedAtLine && invalidReason == .tooLong }
}
