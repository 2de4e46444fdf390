/// A stretch of lap under braking.
public struct BrakingZone: Sendable, Equatable, Codable {
    /// Metres from the line where brake pressure first crossed the onset threshold.
    public var startDistance: Double
    public var endDistance: Double
    /// 0...1
    public var peakPressure: Double
    /// m/s at the onset and at the end.
    public var entrySpeed: Double
    public var exitSpeed: Double

    public init(startDistance: Double, endDistance: Double, peakPressure: Double, entrySpeed: Double, exitSpeed: Double) {
        self.startDistance = startDistance
        self.endDistance = endDistance
        self.peakPressure = peakPressure
        self.entrySpeed = entrySpeed
        self.exitSpeed = exitSpeed
    }
}
