/// Lets `/api/v1/health` report whether the database answers.
public protocol DatabaseHealthCheck: Sendable {
    /// True when a trivial query succeeds.
    func isDatabaseHealthy() async -> Bool
}
