import Foundation
import Telemetry

/// A stored coaching session: one connection (or resumed connections) of one driver on one
/// track in one car.
public struct SessionRecord: Sendable, Equatable {
    /// UUID string, lowercase; the `session` id of the wire protocol.
    public var id: String
    public var driverID: Int64
    public var descriptor: SessionDescriptor
    /// Where the reference came from (`ReferenceLapMetadata.source`), nil without one.
    public var referenceSource: String?
    /// `ReferenceChoice.Reason` raw value.
    public var referenceReason: String
    public var startedAt: Date
    public var endedAt: Date?

    public init(
        id: String, driverID: Int64, descriptor: SessionDescriptor, referenceSource: String?,
        referenceReason: String, startedAt: Date, endedAt: Date?
    ) {
        self.id = id
        self.driverID = driverID
        self.descriptor = descriptor
        self.referenceSource = referenceSource
        self.referenceReason = referenceReason
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
