import Coaching

/// One lap as listed by `GET /api/v1/sessions/{id}/laps`.
public struct LapSummary: Sendable, Equatable, Codable {
    public var id: Int64
    public var sessionID: Int64
    public var lapNumber: Int32
    /// Seconds; nil for partial laps.
    public var lapTime: Double?
    public var isValid: Bool
    public var invalidReason: String?
    public var deltaToReference: Double?

    public init(
        id: Int64, sessionID: Int64, lapNumber: Int32, lapTime: Double?, isValid: Bool, invalidReason: String?,
        deltaToReference: Double?
    ) {
        self.id = id
        self.sessionID = sessionID
        self.lapNumber = lapNumber
        self.lapTime = lapTime
        self.isValid = isValid
        self.invalidReason = invalidReason
        self.deltaToReference = deltaToReference
    }
}

/// `GET /api/v1/laps/{id}`: the lap with its corner and braking-zone metrics.
public struct LapDetail: Sendable, Equatable, Codable {
    public var lap: LapSummary
    public var corners: [CornerMetrics]
    public var brakingZones: [BrakingZone]

    public init(lap: LapSummary, corners: [CornerMetrics], brakingZones: [BrakingZone]) {
        self.lap = lap
        self.corners = corners
        self.brakingZones = brakingZones
    }
}
