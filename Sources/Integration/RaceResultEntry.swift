/// One tracked driver's result in a session, already converted to display units
/// (positions 1-based, times in seconds).
public struct RaceResultEntry: Sendable, Hashable, Codable {
    public var memberID: Int
    public var driverName: String
    /// The team's name in a team event.
    public var teamName: String?
    public var carName: String
    public var carClassName: String
    /// Overall finishing position, 1-based.
    public var finishPosition: Int
    /// Position within the car class, 1-based.
    public var classPosition: Int
    public var lapsCompleted: Int
    public var incidents: Int
    public var oldIRating: Int?
    public var newIRating: Int?
    public var oldSafetyRating: SafetyRating?
    public var newSafetyRating: SafetyRating?
    /// Best lap in seconds; nil when the driver set no timed lap.
    public var bestLapTime: Double?
    /// "Running", "Disconnected", ...: iRacing's reason out.
    public var reasonOut: String?

    public init(
        memberID: Int, driverName: String, teamName: String? = nil, carName: String, carClassName: String,
        finishPosition: Int, classPosition: Int, lapsCompleted: Int, incidents: Int, oldIRating: Int? = nil,
        newIRating: Int? = nil, oldSafetyRating: SafetyRating? = nil, newSafetyRating: SafetyRating? = nil,
        bestLapTime: Double? = nil, reasonOut: String? = nil
    ) {
        self.memberID = memberID
        self.driverName = driverName
        self.teamName = teamName
        self.carName = carName
        self.carClassName = carClassName
        self.finishPosition = finishPosition
        self.classPosition = classPosition
        self.lapsCompleted = lapsCompleted
        self.incidents = incidents
        self.oldIRating = oldIRating
        self.newIRating = newIRating
        self.oldSafetyRating = oldSafetyRating
        self.newSafetyRating = newSafetyRating
        self.bestLapTime = bestLapTime
        self.reasonOut = reasonOut
    }

    /// iRating gained (positive) or lost, when both values are known.
    public var iRatingChange: Int? {
        guard let oldIRating, let newIRating else { return nil }
        return newIRating - oldIRating
    }
}

/// A licence class and safety rating, e.g. "A 3.45".
public struct SafetyRating: Sendable, Hashable, Codable, CustomStringConvertible {
    /// "R", "D", "C", "B", "A", "P" (pro).
    public var licenceClass: String
    public var rating: Double

    public init(licenceClass: String, rating: Double) {
        self.licenceClass = licenceClass
        self.rating = rating
    }

    public var description: String { "\(licenceClass) \(String(format: "%.2f", rating))" }
}
