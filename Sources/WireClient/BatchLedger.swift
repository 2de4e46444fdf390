/// A client's record of the batches it numbered and sent: when each left (for round-trip
/// latencies), which ones the server has not acknowledged (to resend after a reconnect), and the
/// next sequence. `Payload` is whatever lets the owner send a batch again: the load tool keeps a
/// frame position, the live client the frames themselves.
public struct BatchLedger<Payload: Sendable>: Sendable {
    public struct Sent: Sendable {
        public var sequence: UInt64
        public let payload: Payload
        public let frameCount: Int
    }

    /// Send times of the last `historySize` batches, by `sequence % historySize`.
    public static var historySize: Int { 4096 }
    private var sentAt: [(sequence: UInt64, at: ContinuousClock.Instant)?] = Array(repeating: nil, count: historySize)
    public private(set) var unacknowledged: [Sent] = []
    public private(set) var lastAcknowledged: UInt64 = 0
    /// The sequence of the next new batch.
    public private(set) var nextSequence: UInt64 = 1
    /// Frames in `unacknowledged`.
    public private(set) var framesInFlight = 0

    public init() {}

    public var inFlight: Int { unacknowledged.count }

    /// Records a new batch sent now and returns it with its sequence.
    public mutating func sendNew(_ payload: Payload, frameCount: Int, at instant: ContinuousClock.Instant) -> Sent {
        let sent = Sent(sequence: nextSequence, payload: payload, frameCount: frameCount)
        nextSequence += 1
        unacknowledged.append(sent)
        framesInFlight += frameCount
        stamp(sent.sequence, at: instant)
        return sent
    }

    /// Records a resend (its latency counts from the resend).
    public mutating func stamp(_ sequence: UInt64, at instant: ContinuousClock.Instant) {
        sentAt[Int(sequence % UInt64(Self.historySize))] = (sequence, instant)
    }

    /// When `sequence` was (last) sent, if it is still in the history.
    public func sentTime(of sequence: UInt64) -> ContinuousClock.Instant? {
        guard let entry = sentAt[Int(sequence % UInt64(Self.historySize))], entry.sequence == sequence else { return nil }
        return entry.at
    }

    /// Every batch up to `sequence` was processed; returns the batches that newly covers.
    @discardableResult
    public mutating func acknowledge(through sequence: UInt64) -> [Sent] {
        guard sequence > lastAcknowledged else { return [] }
        lastAcknowledged = sequence
        let covered = unacknowledged.prefix { $0.sequence <= sequence }
        unacknowledged.removeFirst(covered.count)
        framesInFlight -= covered.reduce(0) { $0 + $1.frameCount }
        return Array(covered)
    }

    /// The session was resumed and the server expects `nextSeq`: everything before it was
    /// processed; the rest is returned to be sent again, numbered on from `nextSeq` (a batch
    /// given up by `dropOldest` leaves no hole the server would call a gap).
    public mutating func resume(expecting nextSeq: UInt64) -> [Sent] {
        if nextSeq > 1 { acknowledge(through: nextSeq - 1) }
        lastAcknowledged = max(lastAcknowledged, nextSeq > 0 ? nextSeq - 1 : 0)
        for index in unacknowledged.indices { unacknowledged[index].sequence = max(nextSeq, 1) + UInt64(index) }
        nextSequence = max(nextSeq, 1) + UInt64(unacknowledged.count)
        return unacknowledged
    }

    /// A new session replaced the old one: sequences restart at 1. Returns the batches the old
    /// session never acknowledged (the owner decides whether to send their frames again).
    public mutating func restart() -> [Sent] {
        let abandoned = unacknowledged
        unacknowledged = []
        framesInFlight = 0
        lastAcknowledged = 0
        nextSequence = 1
        sentAt = Array(repeating: nil, count: Self.historySize)
        return abandoned
    }

    /// Gives up the oldest unacknowledged batch (a full buffer); nil when none is in flight.
    public mutating func dropOldest() -> Sent? {
        guard !unacknowledged.isEmpty else { return nil }
        let dropped = unacknowledged.removeFirst()
        framesInFlight -= dropped.frameCount
        return dropped
    }
}
