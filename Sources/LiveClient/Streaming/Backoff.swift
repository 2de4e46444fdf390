/// Reconnect delays: the first delay, doubling up to the last, each with up to 25 % jitter so
/// that many clients cut off together do not all come back in the same instant.
struct Backoff: Sendable {
    let delays: ClosedRange<Duration>
    private(set) var attempt = 0

    init(_ delays: ClosedRange<Duration>) { self.delays = delays }

    mutating func next() -> Duration {
        let doubled = delays.lowerBound * Int(1 << min(attempt, 20))
        attempt += 1
        let base = min(doubled, delays.upperBound)
        return base + base * Double.random(in: 0...0.25)
    }

    mutating func reset() { attempt = 0 }
}
