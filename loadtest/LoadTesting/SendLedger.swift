/// One driver's record of what it sent: when each batch left (for latencies), which batches
/// the server has not acknowledged yet (to resend after a reconnect), and its window.
///
/// Owned by the driver's connection tasks and shared between its writer and its reader.
struct SendLedger: Sendable {
    struct Sent: Sendable {
        let sequence: UInt64
        /// Position of the batch's first frame in the driver's `FrameLoop`.
        let firstFrame: Int
        let frameCount: Int
    }

    /// Send times of the last `historySize` batches, by `sequence % historySize`.
    static let historySize = 4096
    private var sentAt: [(sequence: UInt64, at: ContinuousClock.Instant)?] = Array(repeating: nil, count: historySize)
    private(set) var unacknowledged: [Sent] = []
    private(set) var lastAcknowledged: UInt64 = 0
    /// The sequence of the next new batch.
    private(set) var nextSequence: UInt64 = 1
    /// Position of the next frame not sent yet.
    private(set) var nextFrame = 0

    var inFlight: Int { unacknowledged.count }

    /// Records a new batch of `frameCount` frames sent now; returns its sequence and first frame.
    mutating func sendNew(frameCount: Int, at instant: ContinuousClock.Instant) -> Sent {
        let sent = Sent(sequence: nextSequence, firstFrame: nextFrame, frameCount: frameCount)
        nextSequence += 1
        nextFrame += frameCount
        unacknowledged.append(sent)
        stamp(sent.sequence, at: instant)
        return sent
    }

    /// Records a resend of a batch (its latency counts from the resend).
    mutating func stamp(_ sequence: UInt64, at instant: ContinuousClock.Instant) {
        sentAt[Int(sequence % UInt64(Self.historySize))] = (sequence, instant)
    }

    /// When `sequence` was (last) sent, if it is still in the history.
    func sentTime(of sequence: UInt64) -> ContinuousClock.Instant? {
        guard let entry = sentAt[Int(sequence % UInt64(Self.historySize))], entry.sequence == sequence else { return nil }
        return entry.at
    }

    /// Every batch up to `sequence` was processed; returns how many frames that newly covers.
    @discardableResult
    mutating func acknowledge(through sequence: UInt64) -> Int {
        guard sequence > lastAcknowledged else { return 0 }
        lastAcknowledged = sequence
        let covered = unacknowledged.prefix { $0.sequence <= sequence }
        unacknowledged.removeFirst(covered.count)
        return covered.reduce(0) { $0 + $1.frameCount }
    }

    /// After a reconnect: the batches to send again. `resumedAt` is the welcome's `next_seq`
    /// when the session was resumed (everything before it was processed, the rest is resent
    /// under the same sequences); nil when a new session started: its sequences restart at 1
    /// and the frames never acknowledged are sent again as its first new batches.
    mutating func rewind(resumedAt nextSeq: UInt64?) -> [Sent] {
        if let nextSeq {
            if nextSeq > 1 { acknowledge(through: nextSeq - 1) }
            return unacknowledged
        }
        nextFrame = unacknowledged.first?.firstFrame ?? nextFrame
        unacknowledged = []
        lastAcknowledged = 0
        nextSequence = 1
        sentAt = Array(repeating: nil, count: Self.historySize)
        return []
    }
}
