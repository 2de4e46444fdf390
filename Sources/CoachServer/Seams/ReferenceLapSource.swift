import Telemetry

/// The reference lap a stored session was coached against, for the web pages' lap charts.
/// nil when the session had none, or its reference is no longer in the library.
public protocol ReferenceLapSource: Sendable {
    func reference(for session: SessionSummary, driverID: Int64) async throws -> ReferenceLap?
}
