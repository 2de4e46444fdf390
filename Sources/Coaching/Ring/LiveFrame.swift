import Telemetry

/// What the server pushes into a driver's `SPSCRing` (FrameRing) for every received frame: the frame and the
/// sequence number of the batch it came in, so a cue can name the batch that caused it.
public struct LiveFrame: Sendable, BitwiseCopyable {
    public var frame: TelemetryFrame
    public var batchSequence: UInt64

    public init(frame: TelemetryFrame, batchSequence: UInt64) {
        self.frame = frame
        self.batchSequence = batchSequence
    }
}
