import Telemetry

/// Builds a coach for a new live session: picks the reference (shipped for track and car, for
/// the track, the driver's best, or none) and loads the track map.
public protocol LiveCoachFactory: Sendable {
    /// - Parameter language: `en` or `tr`, from `hello`.
    func makeCoach(for session: SessionDescriptor, driver: AuthenticatedDriver, language: String) async
        -> sending any LiveCoach
}
