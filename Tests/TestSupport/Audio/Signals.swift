import Foundation

/// Small signal measurements for checking audio without listening to it.
public enum Signals {
    /// Root-mean-square level on the 16-bit scale.
    public static func rms(_ samples: [Int16]) -> Double {
        guard !samples.isEmpty else { return 0 }
        let energy = samples.reduce(0.0) { $0 + Double($1) * Double($1) }
        return (energy / Double(samples.count)).squareRoot()
    }

    /// A sine at `frequency` Hz, `seconds` long, peak `amplitude`.
    public static func sine(frequency: Double, sampleRate: Int, seconds: Double, amplitude: Double = 10_000) -> [Int16] {
        let count = Int(Double(sampleRate) * seconds)
        return (0..<count).map { index in
            Int16(amplitude * sin(2 * Double.pi * frequency * Double(index) / Double(sampleRate)))
        }
    }

    /// Sign changes from negative to non-negative: about one per cycle of a pure tone.
    public static func upwardZeroCrossings(_ samples: [Int16]) -> Int {
        zip(samples, samples.dropFirst()).filter { $0 < 0 && $1 >= 0 }.count
    }
}
