import WireClient

/// One simulated driver's ledger: the shared `BatchLedger` keyed by frame position in the
/// driver's `FrameLoop`, plus the position of the next frame not sent yet.
///
/// Owned by the driver's connection tasks and shared between its writer and its reader.
struct SendLedger: Sendable {
    typealias Sent = BatchLedger<Int>.Sent

    private var batches = BatchLedger<Int>()
    /// Position of the next frame not sent yet.
    private(set) var nextFrame = 0

    var inFlight: Int { batches.inFlight }
    var lastAcknowledged: UInt64 { batches.lastAcknowledged }
    var nextSequence: UInt64 { batches.nextSequence }

    /// Records a new batch of `frameCount` frames sent now; returns its sequence and first frame.
    mutating func sendNew(frameCount: Int, at instant: ContinuousClock.Instant) -> Sent {
        defer { nextFrame += frameCount }
        return batches.sendNew(nextFrame, frameCount: frameCount, at: instant)
    }

    mutating func stamp(_ sequence: UInt64, at instant: ContinuousClock.Instant) { batches.stamp(sequence, at: instant) }

    func sentTime(of sequence: UInt64) -> ContinuousClock.Instant? { batches.sentTime(of: sequence) }

    /// Every batch up to `sequence` was processed; returns how many frames that newly covers.
    @discardableResult
    mutating func acknowledge(through sequence: UInt64) -> Int {
        batches.acknowledge(through: sequence).reduce(0) { $0 + $1.frameCount }
    }

    /// After a reconnect: the batches to send again. `resumedAt` is the welcome's `next_seq`
    /// when the session was resumed (everything before it was processed, the rest is resent
    /// under the same sequences); nil when a new session started: its sequences restart at 1
    /// and the frames never acknowledged are sent again as its first new batches.
    mutating func rewind(resumedAt nextSeq: UInt64?) -> [Sent] {
        if let nextSeq { return batches.resume(expecting: nextSeq) }
        if let first = batches.restart().first { nextFrame = first.payload }
        return []
    }
}

extension BatchLedger<Int>.Sent {
    /// Position of the batch's first frame in the driver's `FrameLoop`.
    var firstFrame: Int { payload }
}
