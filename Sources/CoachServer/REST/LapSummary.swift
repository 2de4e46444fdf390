import Coaching

/// One lap as listed by `GET /api/v1/sessions/{id}/laps` (no telemetry, no corners).
public struct LapSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var sessionID: String
    public var lapNumber: Int32
    /// Session time (s) of the lap's first frame.
    public var startTime: Double
    /// Seconds; nil for partial laps.
    @Nullable public var lapTime: Double?
    public var isValid: Bool
    @Nullable public var invalidReason: String?
    @Nullable public var deltaToReference: Double?
    public var frameCount: Int

    public init(
        id: Int64, sessionID: String, lapNumber: Int32, startTime: Double, lapTime: Double?, isValid: Bool,
        invalidReason: String?, deltaToReference: Double?, frameCount: Int
    ) {
        self.id = id
        self.sessionID = sessionID
        self.lapNumber = lapNumber
        self.startTime = startTime
        self.lapTime = finite(lapTime)
        self.isValid = isValid
        self.invalidReason = invalidReason
        self.deltaToReference = finite(deltaToReference)
        self.frameCount = frameCount
    }
}

/// `GET /api/v1/laps/{id}`: the lap with its corner and braking-zone metrics (a measurement that
/// could not be taken is `null`).
public struct LapDetailResponse: Sendable, Equatable, Codable {
    public var lap: LapSummary
    public var corners: [CornerResponse]
    public var brakingZones: [BrakingZoneResponse]

    public init(lap: LapSummary, corners: [CornerMetrics], brakingZones: [BrakingZone]) {
        self.lap = lap
        self.corners = corners.map(CornerResponse.init)
        self.brakingZones = brakingZones.map(BrakingZoneResponse.init)
    }
}
