/// Where Storage reports how long its database work took: the server's Prometheus metrics
/// implement it, so Storage depends on no metrics library and a tool or test passes nothing.
public protocol DatabaseTimings: Sendable {
    /// One lap's write transaction, from asking for the single writer connection to COMMIT
    /// returning: what a session's `lap` message waits for.
    func lapCommitted(in duration: Duration)
    /// One read for the REST API, named from a closed set (the reader's operations).
    func queried(_ name: String, in duration: Duration)
}

extension DatabaseTimings {
    /// Runs `body` and reports its duration as the query `name`, whether it succeeded or threw.
    public func timeQuery<T>(_ name: String, _ body: () async throws -> T) async rethrows -> T {
        let start = ContinuousClock.now
        defer { queried(name, in: ContinuousClock.now - start) }
        return try await body()
    }
}
