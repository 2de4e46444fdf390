/// Timing knobs of the gateway client; production uses the defaults, tests shorten the waits.
public struct GatewayTiming: Sendable {
    /// Wait after Invalid Session (d=false) before identifying again; Discord asks for 1-5 s.
    public var invalidSessionDelay: ClosedRange<Double>
    /// First reconnect delay after a failed connection; doubles up to `maximumBackoff`.
    public var initialBackoff: Duration
    public var maximumBackoff: Duration
    /// Random number in [0, 1) for the first heartbeat's jitter.
    public var jitter: @Sendable () -> Double

    public init(
        invalidSessionDelay: ClosedRange<Double> = 1...5, initialBackoff: Duration = .seconds(1),
        maximumBackoff: Duration = .seconds(60), jitter: @escaping @Sendable () -> Double = { Double.random(in: 0..<1) }
    ) {
        self.invalidSessionDelay = invalidSessionDelay
        self.initialBackoff = initialBackoff
        self.maximumBackoff = maximumBackoff
        self.jitter = jitter
    }
}
