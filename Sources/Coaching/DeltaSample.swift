/// The live time difference to the reference at a point on the lap.
public struct DeltaSample: Sendable, Equatable, Codable {
    public var lapNumber: Int32
    /// Metres from the line.
    public var lapDistance: Double
    /// Seconds; positive = slower than the reference.
    public var delta: Double
    /// Change of delta per second (positive = losing time now).
    public var trend: Double
    public var batchSequence: UInt64

    public init(lapNumber: Int32, lapDistance: Double, delta: Double, trend: Double, batchSequence: UInt64) {
        self.lapNumber = lapNumber
        self.lapDistance = lapDistance
        self.delta = delta
        self.trend = trend
        self.batchSequence = batchSequence
    }
}
