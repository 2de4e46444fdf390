import Telemetry

/// Which reference a driver is coached against, and why.
public struct ReferenceChoice: Sendable {
    public enum Reason: String, Sendable, Codable {
        /// A reference lap shipped or imported for this track and car.
        case shippedForTrackAndCar = "shipped_track_and_car"
        /// A reference for this track in another car (used only when configured).
        case shippedForTrack = "shipped_track"
        /// The driver's own best valid lap in this session or earlier.
        case driverBest = "driver_best"
        /// Nothing yet: the first valid lap will become the reference.
        case none
    }

    public var reference: ReferenceLap?
    public var trackMap: TrackMap?
    public var reason: Reason
    /// The corner plans every driver on this reference shares (the library entry's); nil makes
    /// each coach plan its own. Used only when made from this very reference and track map.
    public var cornerPlans: CornerPlanBook?

    public init(reference: ReferenceLap?, trackMap: TrackMap?, reason: Reason, cornerPlans: CornerPlanBook? = nil) {
        self.reference = reference
        self.trackMap = trackMap
        self.reason = reason
        self.cornerPlans = cornerPlans
    }
}
