/// `GET /api/v1/laps/compare?a=&b=`: two laps of the same driver side by side.
public struct LapComparison: Sendable, Equatable, Codable {
    public var a: LapDetail
    public var b: LapDetail
    /// b's lap time minus a's, seconds; nil when either is partial.
    public var lapTimeDifference: Double?
    /// Time difference (b minus a, seconds) along the lap, sampled by distance.
    public var deltaByDistance: [DistanceDelta]

    public init(a: LapDetail, b: LapDetail, lapTimeDifference: Double?, deltaByDistance: [DistanceDelta]) {
        self.a = a
        self.b = b
        self.lapTimeDifference = lapTimeDifference
        self.deltaByDistance = deltaByDistance
    }
}

/// The time difference between two laps at one lap distance.
public struct DistanceDelta: Sendable, Equatable, Codable {
    /// Metres from the line.
    public var distance: Double
    /// Seconds; positive = lap b behind lap a here.
    public var delta: Double

    public init(distance: Double, delta: Double) {
        self.distance = distance
        self.delta = delta
    }
}
