import Coaching

/// SplitMix64: tiny, fast and good enough for test noise.
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Approximately normal (sum of four uniforms), mean 0, standard deviation `sigma`.
    public mutating func normal(_ sigma: Double) -> Double {
        var sum = 0.0
        for _ in 0..<4 { sum += Double.random(in: -1...1, using: &self) }
        return sum * sigma * (3.0 / 4.0).squareRoot()
    }

    /// Uniform noise in -amplitude...amplitude.
    public mutating func noise(_ amplitude: Double) -> Double {
        Double.random(in: -amplitude...amplitude, using: &self)
    }
}
