import Foundation
import Telemetry

/// One row of `GET /api/v1/sessions` (JSON keys are snake_case).
public struct SessionSummary: Sendable, Equatable, Codable {
    public var id: Int64
    /// The protocol's session id (`welcome.session`).
    public var publicID: String
    public var descriptor: SessionDescriptor
    public var startedAt: Date
    public var endedAt: Date?
    public var lapCount: Int
    /// Seconds; nil until a valid lap exists.
    public var bestLapTime: Double?

    public init(
        id: Int64, publicID: String, descriptor: SessionDescriptor, startedAt: Date, endedAt: Date?, lapCount: Int,
        bestLapTime: Double?
    ) {
        self.id = id
        self.publicID = publicID
        self.descriptor = descriptor
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.lapCount = lapCount
        self.bestLapTime = bestLapTime
    }
}
