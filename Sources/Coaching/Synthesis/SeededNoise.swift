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

/// SplitMix64: tiny, fast and good enough for test noise.
struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Approximately normal (sum of four uniforms), mean 0, standard deviation `sigma`.
    mutating func normal(_ sigma: Double) -> Double {
        var sum = 0.0
        for _ in 0..<4 { sum += Double.random(in: -1...1, using: &self) }
        return sum * sigma * (3.0 / 4.0).squareRoot()
    }
}

extension SeededGenerator {
    /// A pedal value with noise, kept inside 0...1 as a real sensor would be.
    mutating func pedal(_ value: Float, sigma: Double) -> Float {
        Float(min(1, max(0, Double(value) + normal(sigma))))
    }
}
