import Foundation

/// One stored lap's summary row (no telemetry, no corners): what a lap list shows.
public struct LapRecordRow: Sendable, Equatable {
    public var id: Int64
    public var sessionID: String
    public var driverID: Int64
    public var lapNumber: Int32
    /// Session time (s) of the lap's first frame; with the lap number, the lap's identity.
    public var startTime: Double
    /// Seconds; nil for partial laps.
    public var lapTime: Double?
    public var isValid: Bool
    public var invalidReason: String?
    public var deltaToReference: Double?
    public var frameCount: Int
    public var createdAt: Date

    public init(
        id: Int64, sessionID: String, driverID: Int64, lapNumber: Int32, startTime: Double, lapTime: Double?,
        isValid: Bool, invalidReason: String?, deltaToReference: Double?, frameCount: Int, createdAt: Date
    ) {
        self.id = id
        self.sessionID = sessionID
        self.driverID = driverID
        self.lapNumber = lapNumber
        self.startTime = startTime
        self.lapTime = lapTime
        self.isValid = isValid
        self.invalidReason = invalidReason
        self.deltaToReference = deltaToReference
        self.frameCount = frameCount
        self.createdAt = createdAt
    }
}
