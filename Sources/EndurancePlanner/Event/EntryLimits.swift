/// What a driver needs to enter the event, checked in the car's licence category against the
/// iRacing member data (the planner and sign-up use the same check, `EntryCheck`).
public struct EntryLimits: Sendable, Hashable, Codable {
    public var minIRating: Int?
    public var maxIRating: Int?
    public var minLicence: LicenceClass?
    public var minSafetyRating: Double?

    public init(minIRating: Int? = nil, maxIRating: Int? = nil, minLicence: LicenceClass? = nil, minSafetyRating: Double? = nil) {
        self.minIRating = minIRating
        self.maxIRating = maxIRating
        self.minLicence = minLicence
        self.minSafetyRating = minSafetyRating
    }
}
