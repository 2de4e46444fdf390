import Tracing

/// The spans of one drain of a session's inbox: the sampled batches met in it, a `live.coach`
/// child for the frames of each, and which batch every coaching event came from, so that a
/// cue's `live.cue` span is a child of its own batch's span.
///
/// A drain can meet the first frames of a batch the connection is still pushing: that batch's
/// span is handed back (`carried`) and the next drain goes on with it, so the batch's span still
/// runs from its decoding to its last cue.
///
/// Only built when tracing is on; `frame(batch:)` does work on batch boundaries only.
struct DrainTrace {
    let tracing: LiveTracing
    let pending: LiveBatchSpans
    /// Batches of this drain with a span, in the order met; each ends in `endAll`.
    private var batches: [(sequence: UInt64, span: any Span)] = []
    /// The last batch met, when its frames were not all published at the end of the pops.
    private var carried: (sequence: UInt64, span: any Span)?
    private var lastSequence: UInt64?
    private var current: (batch: any Span, coach: any Span)?
    /// Per event of the drain, in order: the span of the batch it came from, if sampled.
    private(set) var eventBatches: [(any Span)?] = []

    init(tracing: LiveTracing, pending: LiveBatchSpans) {
        self.tracing = tracing
        self.pending = pending
    }

    /// Called before a frame is coached.
    mutating func frame(batch sequence: UInt64) {
        guard sequence != lastSequence else { return }
        lastSequence = sequence
        current?.coach.end()
        current = nil
        guard let batch = pending.take(sequence) else { return }
        batches.append((sequence, batch))
        current = (batch, tracing.startChild(LiveTracing.Name.coach, of: batch))
    }

    /// Called after a frame is coached, with the drain's event count so far.
    mutating func events(upTo count: Int) {
        while eventBatches.count < count { eventBatches.append(current?.batch) }
    }

    /// Coaching of this drain's frames is over; `published`: the inbox's published sequence now.
    mutating func coachingDone(published: UInt64) {
        current?.coach.end()
        current = nil
        if let last = batches.last, last.sequence > published { carried = batches.removeLast() }
    }

    /// A `live.cue` child of the batch that produced event `index`, or nil.
    func startCue(event index: Int) -> (any Span)? {
        guard index < eventBatches.count, let batch = eventBatches[index] else { return nil }
        return tracing.startChild(LiveTracing.Name.cue, of: batch)
    }

    /// The context lap storing runs in for event `index` (its batch's), or nil.
    func context(event index: Int) -> InstrumentationContext? {
        guard index < eventBatches.count else { return nil }
        return eventBatches[index]?.context
    }

    /// Every cue of the drain is queued: the batches' spans end, but for one still being pushed,
    /// which goes back to `pending`; `processed`: the published sequence the drain started from.
    mutating func endAll(processed: UInt64) {
        for batch in batches { batch.span.end() }
        batches.removeAll()
        if let carried { pending.add(carried.span, sequence: carried.sequence, carried: true) }
        carried = nil
        pending.endCarried(upTo: processed)
    }
}
