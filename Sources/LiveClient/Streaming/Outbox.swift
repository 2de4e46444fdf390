import Telemetry
import WireClient

/// Every frame not yet acknowledged by the server, per session, inside one bound.
///
/// Frames enter the newest segment (one per `hello`: a new session, track or car starts a new
/// one); the streamer only ever talks about the oldest segment, so frames always reach the
/// session they were driven in, even after an outage spanning a session change. A segment ends
/// (close 1000) once it is closed and everything in it was acknowledged.
///
/// The bound counts frames both sent-but-unacknowledged and not yet sent. When it is full the
/// OLDEST frames are dropped (a whole unacknowledged batch, else the oldest pending frame):
/// coaching is about where the car is now, and the lap with the hole would be judged
/// incomplete by the server anyway; dropping the newest would keep the stream stuck in the
/// past by the whole backlog once the server is back.
struct Outbox: Sendable {
    struct Segment: Sendable {
        /// Names the segment to the connection working on it (a segment can vanish under it).
        let id: UInt64
        let session: SessionDescriptor
        var pending = FrameQueue()
        var ledger = BatchLedger<[TelemetryFrame]>()
        /// The server's id of this session once welcomed (what a resume names).
        var serverSession: String?
        /// No frame will be added any more (a newer session began, or the source ended).
        var closed = false
        /// When the oldest pending frame arrived (the batching deadline counts from it).
        var oldestPendingSince: ContinuousClock.Instant?

        var frameCount: Int { pending.count + ledger.framesInFlight }
        var isDelivered: Bool { closed && pending.isEmpty && ledger.inFlight == 0 }
    }

    let capacity: Int
    private(set) var segments: [Segment] = []
    /// Frames given up to keep the bound, since the start.
    private(set) var droppedFrames = 0
    private(set) var bufferedFrames = 0
    private var nextSegmentID: UInt64 = 1

    init(capacity: Int) { self.capacity = capacity }

    var current: Segment? { segments.first }

    /// The index of segment `id` when it is the current one (the only one a socket serves).
    private func currentIndex(_ id: UInt64) -> Int? { segments.first?.id == id ? 0 : nil }

    /// A session began (or was re-announced). Returns false when it is the one already open.
    mutating func begin(_ session: SessionDescriptor) -> Bool {
        if let last = segments.last, !last.closed, last.session == session { return false }
        if let last = segments.indices.last {
            if segments[last].frameCount == 0 && segments[last].serverSession == nil {
                segments.removeLast()  // announced, never fed, never opened: nothing to end
            } else {
                segments[last].closed = true
            }
        }
        segments.append(Segment(id: nextSegmentID, session: session))
        nextSegmentID += 1
        return true
    }

    /// The source ended: the last segment will get no more frames.
    mutating func closeAll() {
        for index in segments.indices { segments[index].closed = true }
        removeEmptyUnopenedSegments()
    }

    /// Adds a frame to the open segment; returns how many frames the bound made it drop (the
    /// frame itself is dropped when no session is open yet: nil).
    mutating func append(_ frame: TelemetryFrame, at now: ContinuousClock.Instant) -> Int? {
        guard let last = segments.indices.last, !segments[last].closed else { return nil }
        if segments[last].pending.isEmpty { segments[last].oldestPendingSince = now }
        segments[last].pending.append(frame)
        bufferedFrames += 1
        var dropped = 0
        while bufferedFrames > capacity { dropped += dropOldest() }
        droppedFrames += dropped
        return dropped
    }

    /// The next batch of the current segment when one is due: `minimumFrames` are pending,
    /// the oldest has waited `interval`, or the segment is closed. Pending frames are coalesced
    /// up to `maximumFrames` (a backlog after an outage goes out in full batches).
    mutating func nextBatch(
        of id: UInt64, minimumFrames: Int, maximumFrames: Int, interval: Duration, now: ContinuousClock.Instant
    ) -> BatchLedger<[TelemetryFrame]>.Sent? {
        guard currentIndex(id) != nil, segments[0].serverSession != nil else { return nil }
        let waiting = segments[0].pending.count
        guard waiting > 0 else { return nil }
        let due = waiting >= minimumFrames || segments[0].closed
            || segments[0].oldestPendingSince.map { now - $0 >= interval } ?? true
        guard due else { return nil }
        let frames = segments[0].pending.removeFirst(maximumFrames)
        segments[0].oldestPendingSince = segments[0].pending.isEmpty ? nil : now
        return segments[0].ledger.sendNew(frames, frameCount: frames.count, at: now)
    }

    /// What a `welcome` means for the current segment.
    struct Welcome: Sendable {
        /// Batches to send again, in order, under these sequences.
        var resend: [BatchLedger<[TelemetryFrame]>.Sent] = []
        /// Frames sent to a session the server no longer has and never acknowledged: they may
        /// or may not have been stored, so they are not sent again (never counted twice).
        var unconfirmed = 0
    }

    /// The welcome for the current segment. Resumed: the unprocessed batches go again under the
    /// server's sequences. Not resumed: a new session; frames never sent stay queued for it.
    mutating func welcomed(_ id: UInt64, session: String, resumed: Bool, nextSequence: UInt64) -> Welcome {
        guard currentIndex(id) != nil else { return Welcome() }
        defer { segments[0].serverSession = session }
        if resumed, segments[0].serverSession == session {
            // Batches the server processed but whose ack was lost are acknowledged by the resume.
            let before = segments[0].ledger.framesInFlight
            let resend = segments[0].ledger.resume(expecting: nextSequence)
            bufferedFrames -= before - segments[0].ledger.framesInFlight
            return Welcome(resend: resend)
        }
        let unconfirmed = segments[0].ledger.restart().reduce(0) { $0 + $1.frameCount }
        bufferedFrames -= unconfirmed
        return Welcome(unconfirmed: unconfirmed)
    }

    /// A batch is being sent again now (its round trip counts from the resend).
    mutating func stampResend(_ id: UInt64, _ sequence: UInt64, at now: ContinuousClock.Instant) {
        guard currentIndex(id) != nil else { return }
        segments[0].ledger.stamp(sequence, at: now)
    }

    /// The server processed every batch through `sequence`.
    mutating func acknowledge(_ id: UInt64, through sequence: UInt64) -> Int {
        guard currentIndex(id) != nil else { return 0 }
        let frames = segments[0].ledger.acknowledge(through: sequence).reduce(0) { $0 + $1.frameCount }
        bufferedFrames -= frames
        return frames
    }

    func sentTime(_ id: UInt64, of sequence: UInt64) -> ContinuousClock.Instant? {
        currentIndex(id).flatMap { segments[$0].ledger.sentTime(of: sequence) }
    }

    /// Whether segment `id` is closed and fully acknowledged (or gone): time for close 1000.
    func isDelivered(_ id: UInt64) -> Bool { currentIndex(id).map { segments[$0].isDelivered } ?? true }

    /// The current segment was closed with 1000 after its last acknowledgement.
    mutating func finish(_ id: UInt64) {
        guard currentIndex(id) != nil else { return }
        bufferedFrames -= segments[0].frameCount
        segments.removeFirst()
        removeEmptyUnopenedSegments()
    }

    /// Gives the current segment up (the drain deadline passed); returns its frames not delivered.
    mutating func abandonCurrent() -> Int {
        guard let current else { return 0 }
        let left = current.frameCount
        finish(current.id)
        return left
    }

    private mutating func dropOldest() -> Int {
        guard let index = segments.firstIndex(where: { $0.frameCount > 0 }) else { return 0 }
        let dropped: Int
        if let batch = segments[index].ledger.dropOldest() {
            dropped = batch.frameCount
        } else {
            dropped = segments[index].pending.removeFirst(1).count
            if segments[index].pending.isEmpty { segments[index].oldestPendingSince = nil }
        }
        bufferedFrames -= dropped
        removeEmptyUnopenedSegments()
        return dropped
    }

    /// A closed segment that lost all its frames before it was ever opened needs no session.
    private mutating func removeEmptyUnopenedSegments() {
        segments.removeAll { $0.closed && $0.frameCount == 0 && $0.serverSession == nil }
    }
}
