import Foundation
import Telemetry

/// One row of `GET /api/v1/sessions` (JSON keys are snake_case).
public struct SessionSummary: Sendable, Equatable, Codable {
    /// The protocol's session id (`welcome.session`), a lowercase UUID.
    public var id: String
    public var descriptor: SessionDescriptor
    /// Where the reference came from, nil without one.
    @Nullable public var referenceSource: String?
    /// `ReferenceChoice.Reason` raw value.
    public var referenceReason: String
    public var startedAt: Date
    @Nullable public var endedAt: Date?

    public init(
        id: String, descriptor: SessionDescriptor, referenceSource: String?, referenceReason: String, startedAt: Date,
        endedAt: Date?
    ) {
        self.id = id
        self.descriptor = descriptor
        self.referenceSource = referenceSource
        self.referenceReason = referenceReason
        self.startedAt = startedAt
        self.endedAt = endedAt
    }
}
