/// Two stored laps of one driver side by side, corner by corner.
///
/// Every difference is lap B minus lap A, so with A the older lap a negative `timeDelta` means
/// B was quicker there and a positive `minimumSpeedDelta` means B carried more speed.
public struct LapComparison: Sendable, Equatable {
    public var lapA: LapRecordRow
    public var lapB: LapRecordRow
    /// B's lap time minus A's; nil when either is a partial lap.
    public var lapTimeDelta: Double?
    /// Corners present on both laps, matched by corner number, in driving order.
    public var corners: [CornerComparison]

    public init(lapA: LapRecordRow, lapB: LapRecordRow, lapTimeDelta: Double?, corners: [CornerComparison]) {
        self.lapA = lapA
        self.lapB = lapB
        self.lapTimeDelta = lapTimeDelta
        self.corners = corners
    }
}

/// One corner of a `LapComparison`: B minus A for each stored metric (nil when either lap
/// lacks it, e.g. a corner taken flat out has no brake point).
public struct CornerComparison: Sendable, Equatable {
    public var corner: Int
    public var name: String?
    /// Metres; positive = B braked later.
    public var brakePointDelta: Double?
    /// 0...1 units; positive = B braked harder.
    public var peakBrakeDelta: Double?
    /// km/h; positive = B was faster at the apex.
    public var minimumSpeedDelta: Double
    /// Metres; positive = B picked up the throttle later.
    public var throttlePickupDelta: Double?
    /// Gears; positive = B used a higher gear at the apex.
    public var apexGearDelta: Int
    /// Metres; positive = B coasted more.
    public var coastingDistanceDelta: Double
    /// Seconds through the corner (each lap's time delta to its reference, B minus A);
    /// positive = B lost time. Nil when either lap lacks it.
    public var timeDelta: Double?

    public init(
        corner: Int, name: String?, brakePointDelta: Double?, peakBrakeDelta: Double?, minimumSpeedDelta: Double,
        throttlePickupDelta: Double?, apexGearDelta: Int, coastingDistanceDelta: Double, timeDelta: Double?
    ) {
        self.corner = corner
        self.name = name
        self.brakePointDelta = brakePointDelta
        self.peakBrakeDelta = peakBrakeDelta
        self.minimumSpeedDelta = minimumSpeedDelta
        self.throttlePickupDelta = throttlePickupDelta
        self.apexGearDelta = apexGearDelta
        self.coastingDistanceDelta = coastingDistanceDelta
        self.timeDelta = timeDelta
    }
}
