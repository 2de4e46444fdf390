/// What one lap did in one corner, beside the reference.
public struct CornerMetrics: Sendable, Equatable, Codable {
    public var corner: Int
    public var name: String?
    /// Corner extent on the lap, metres from the line.
    public var startDistance: Double
    public var apexDistance: Double
    public var endDistance: Double
    /// Driver's values; nil when the driver did not brake / lift here.
    public var brakePoint: Double?
    public var peakBrake: Double?
    /// km/h
    public var minimumSpeed: Double
    public var throttlePickup: Double?
    public var apexGear: Int
    public var coastingDistance: Double
    /// Signed differences to the reference (same sign conventions as `CueNumbers`).
    public var versusReference: CueNumbers

    public init(
        corner: Int, name: String?, startDistance: Double, apexDistance: Double, endDistance: Double,
        brakePoint: Double?, peakBrake: Double?, minimumSpeed: Double, throttlePickup: Double?, apexGear: Int,
        coastingDistance: Double, versusReference: CueNumbers
    ) {
        self.corner = corner
        self.name = name
        self.startDistance = startDistance
        self.apexDistance = apexDistance
        self.endDistance = endDistance
        self.brakePoint = brakePoint
        self.peakBrake = peakBrake
        self.minimumSpeed = minimumSpeed
        self.throttlePickup = throttlePickup
        self.apexGear = apexGear
        self.coastingDistance = coastingDistance
        self.versusReference = versusReference
    }
}
