/// A client's batch of consecutive frames (1...120), numbered so that the server can
/// acknowledge it, spot gaps and duplicates, and resume a dropped connection.
public struct FrameBatch: Sendable, Equatable {
    /// Strictly increasing per session, starting at 1.
    public var sequence: UInt64
    public var frames: [TelemetryFrame]

    public init(sequence: UInt64, frames: [TelemetryFrame]) {
        self.sequence = sequence
        self.frames = frames
    }

    /// Protocol limit on frames per batch.
    public static let maximumFrameCount = 120
}
