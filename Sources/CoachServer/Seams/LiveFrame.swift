import Telemetry

// TEMPORARY: `LiveFrame` lands in Coaching with the ring (branch `alignment`); this copy has the
// same shape (`frame`, `batchSequence`) and is deleted when that branch is merged.

/// A frame on its way through a driver's ring, tagged with the batch that carried it so a cue
/// can name the batch that caused it.
public struct LiveFrame: Sendable, BitwiseCopyable {
    public var frame: TelemetryFrame
    public var batchSequence: UInt64

    public init(frame: TelemetryFrame, batchSequence: UInt64) {
        self.frame = frame
        self.batchSequence = batchSequence
    }
}
