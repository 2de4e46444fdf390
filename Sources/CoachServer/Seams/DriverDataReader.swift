import Telemetry

/// Read access for the REST API. Every call takes the authenticated driver's id and returns nil
/// for ids that do not exist OR belong to another driver: the API answers both with 404, so
/// other drivers' ids cannot even be probed.
public protocol DriverDataReader: Sendable {
    /// The driver's sessions, newest first.
    func sessions(driverID: Int64) async throws -> [SessionSummary]
    /// nil when the session is not this driver's.
    func laps(sessionID: String, driverID: Int64) async throws -> [LapSummary]?
    func lap(_ lapID: Int64, driverID: Int64) async throws -> LapDetailResponse?
    /// Every frame of the lap, in order.
    func telemetry(lapID: Int64, driverID: Int64) async throws -> [TelemetryFrame]?
    /// nil when either lap is not this driver's.
    func compare(lapA: Int64, lapB: Int64, driverID: Int64) async throws -> LapComparisonResponse?
}
