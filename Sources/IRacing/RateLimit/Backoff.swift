import Foundation

/// Exponential backoff with full jitter: attempt n waits a random time in
/// [0, min(cap, base * 2^(n-1))], so many clients hit by the same outage do not retry in step.
public struct Backoff: Sendable, Equatable {
    public var base: TimeInterval
    public var cap: TimeInterval

    public init(base: TimeInterval, cap: TimeInterval) {
        self.base = base
        self.cap = cap
    }

    /// The wait before retry `attempt` (1-based), using `random` in 0...1.
    public func delay(attempt: Int, random: Double = Double.random(in: 0...1)) -> TimeInterval {
        let exponent = Double(min(max(attempt - 1, 0), 30))
        let ceiling = min(cap, base * pow(2, exponent))
        return ceiling * min(max(random, 0), 1)
    }
}
