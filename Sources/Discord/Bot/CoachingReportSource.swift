/// A driver's last session, corner by corner, for `/coach report`. The executable adapts
/// Storage to it; the bot only formats it.
public protocol CoachingReportSource: Sendable {
    /// The newest session of the trailbrake driver `driverName`; nil when they have none.
    func lastSessionReport(driverName: String) async throws -> CoachingReport?
}

public struct CoachingReport: Sendable, Equatable {
    public var driverName: String
    public var trackName: String
    public var car: String
    public var lapCount: Int
    /// Best valid lap in seconds.
    public var bestLapTime: Double?
    public var corners: [Corner]

    public init(driverName: String, trackName: String, car: String, lapCount: Int, bestLapTime: Double?, corners: [Corner]) {
        self.driverName = driverName
        self.trackName = trackName
        self.car = car
        self.lapCount = lapCount
        self.bestLapTime = bestLapTime
        self.corners = corners
    }

    /// One corner's summary over the session.
    public struct Corner: Sendable, Equatable {
        public var number: Int
        public var name: String?
        /// Average time lost (positive) or gained against the reference, seconds.
        public var averageTimeDelta: Double?
        /// The coaching advice most given there.
        public var advice: String?

        public init(number: Int, name: String? = nil, averageTimeDelta: Double? = nil, advice: String? = nil) {
            self.number = number
            self.name = name
            self.averageTimeDelta = averageTimeDelta
            self.advice = advice
        }
    }
}
