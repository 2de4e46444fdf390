import Coaching

/// Deterministic measurement noise for synthetic laps, so detector tests are repeatable.
///
/// Defaults are a little worse than real sims: iRacing and GT7 report pedals in 1/255 steps
/// with some jitter near zero (0.015 here) and speed to about 0.1 m/s.
public struct SyntheticNoise: Sendable, Equatable {
    public var seed: UInt64
    /// Standard deviation of pedal noise, 0...1 units.
    public var pedal: Double
    /// Standard deviation of speed noise, m/s.
    public var speed: Double

    public init(seed: UInt64, pedal: Double = 0.015, speed: Double = 0.1) {
        self.seed = seed
        self.pedal = pedal
        self.speed = speed
    }
}

extension SeededGenerator {
    /// A pedal value with noise, kept inside 0...1 as a real sensor would be.
    mutating func pedal(_ value: Float, sigma: Double) -> Float {
        Float(min(1, max(0, Double(value) + normal(sigma))))
    }
}
