import Coaching

/// A stored lap with its per-corner metrics and braking zones (telemetry is fetched separately,
/// because it is by far the largest part).
public struct LapDetail: Sendable, Equatable {
    public var lap: LapRecordRow
    /// In driving order.
    public var corners: [CornerMetrics]
    /// In lap order.
    public var brakingZones: [BrakingZone]

    public init(lap: LapRecordRow, corners: [CornerMetrics], brakingZones: [BrakingZone]) {
        self.lap = lap
        self.corners = corners
        self.brakingZones = brakingZones
    }
}
