import Coaching

// Corner and braking-zone measurements as the REST API sends them. Storage keeps an
// unmeasurable number as NULL (SQLite stores NaN as NULL) and reads it back as NaN, which JSON
// cannot spell: each measurement is optional here, and NaN or infinity goes out as `null`.

/// `CornerMetrics` for JSON: the same keys, every measurement `null` when it was not measured.
public struct CornerResponse: Sendable, Equatable, Codable {
    public var corner: Int
    @Nullable public var name: String?
    @Nullable public var startDistance: Double?
    @Nullable public var apexDistance: Double?
    @Nullable public var endDistance: Double?
    @Nullable public var brakePoint: Double?
    @Nullable public var peakBrake: Double?
    @Nullable public var minimumSpeed: Double?
    @Nullable public var throttlePickup: Double?
    public var apexGear: Int
    @Nullable public var coastingDistance: Double?
    public var versusReference: CueNumbersResponse

    public init(_ metrics: CornerMetrics) {
        corner = metrics.corner
        name = metrics.name
        startDistance = finite(metrics.startDistance)
        apexDistance = finite(metrics.apexDistance)
        endDistance = finite(metrics.endDistance)
        brakePoint = finite(metrics.brakePoint)
        peakBrake = finite(metrics.peakBrake)
        minimumSpeed = finite(metrics.minimumSpeed)
        throttlePickup = finite(metrics.throttlePickup)
        apexGear = metrics.apexGear
        coastingDistance = finite(metrics.coastingDistance)
        versusReference = CueNumbersResponse(metrics.versusReference)
    }
}

/// `CueNumbers` for JSON, with non-finite numbers as `null`.
public struct CueNumbersResponse: Sendable, Equatable, Codable {
    @Nullable public var brakePointDelta: Double?
    @Nullable public var peakBrakeDelta: Double?
    @Nullable public var minimumSpeedDelta: Double?
    @Nullable public var throttlePickupDelta: Double?
    @Nullable public var apexGear: Int?
    @Nullable public var referenceApexGear: Int?
    @Nullable public var coastingDistance: Double?
    @Nullable public var timeDelta: Double?

    public init(_ numbers: CueNumbers) {
        brakePointDelta = finite(numbers.brakePointDelta)
        peakBrakeDelta = finite(numbers.peakBrakeDelta)
        minimumSpeedDelta = finite(numbers.minimumSpeedDelta)
        throttlePickupDelta = finite(numbers.throttlePickupDelta)
        apexGear = numbers.apexGear
        referenceApexGear = numbers.referenceApexGear
        coastingDistance = finite(numbers.coastingDistance)
        timeDelta = finite(numbers.timeDelta)
    }
}

/// `BrakingZone` for JSON, with unmeasured numbers as `null`.
public struct BrakingZoneResponse: Sendable, Equatable, Codable {
    @Nullable public var startDistance: Double?
    @Nullable public var endDistance: Double?
    @Nullable public var peakPressure: Double?
    @Nullable public var entrySpeed: Double?
    @Nullable public var exitSpeed: Double?

    public init(_ zone: BrakingZone) {
        startDistance = finite(zone.startDistance)
        endDistance = finite(zone.endDistance)
        peakPressure = finite(zone.peakPressure)
        entrySpeed = finite(zone.entrySpeed)
        exitSpeed = finite(zone.exitSpeed)
    }
}

/// The number, or nil when it is NaN or infinite (JSON has no spelling for those).
func finite(_ value: Double?) -> Double? {
    guard let value, value.isFinite else { return nil }
    return value
}
