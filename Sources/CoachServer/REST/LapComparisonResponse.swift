/// `GET /api/v1/laps/compare?a=&b=`: two laps of the same driver, corner by corner.
/// Every difference is lap B minus lap A.
public struct LapComparisonResponse: Sendable, Equatable, Codable {
    public var lapA: LapSummary
    public var lapB: LapSummary
    /// B's lap time minus A's, seconds; nil when either is partial.
    @Nullable public var lapTimeDelta: Double?
    /// Corners present on both laps, in driving order.
    public var corners: [CornerComparisonResponse]

    public init(lapA: LapSummary, lapB: LapSummary, lapTimeDelta: Double?, corners: [CornerComparisonResponse]) {
        self.lapA = lapA
        self.lapB = lapB
        self.lapTimeDelta = finite(lapTimeDelta)
        self.corners = corners
    }
}

/// One corner of a comparison: B minus A (positive = B later / harder / faster / more).
public struct CornerComparisonResponse: Sendable, Equatable, Codable {
    public var corner: Int
    @Nullable public var name: String?
    /// Metres.
    @Nullable public var brakePointDelta: Double?
    /// 0...1 units.
    @Nullable public var peakBrakeDelta: Double?
    /// km/h; nil when either lap's apex speed was not measured.
    @Nullable public var minimumSpeedDelta: Double?
    /// Metres.
    @Nullable public var throttlePickupDelta: Double?
    public var apexGearDelta: Int
    /// Metres; nil when either lap's coasting was not measured.
    @Nullable public var coastingDistanceDelta: Double?
    /// Seconds; positive = B lost time here.
    @Nullable public var timeDelta: Double?

    public init(
        corner: Int, name: String?, brakePointDelta: Double?, peakBrakeDelta: Double?, minimumSpeedDelta: Double?,
        throttlePickupDelta: Double?, apexGearDelta: Int, coastingDistanceDelta: Double?, timeDelta: Double?
    ) {
        self.corner = corner
        self.name = name
        self.brakePointDelta = finite(brakePointDelta)
        self.peakBrakeDelta = finite(peakBrakeDelta)
        self.minimumSpeedDelta = finite(minimumSpeedDelta)
        self.throttlePickupDelta = finite(throttlePickupDelta)
        self.apexGearDelta = apexGearDelta
        self.coastingDistanceDelta = finite(coastingDistanceDelta)
        self.timeDelta = finite(timeDelta)
    }
}
