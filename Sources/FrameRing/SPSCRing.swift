import Atomics

/// A bounded, lock-free, single-producer / single-consumer FIFO of plain-data elements: the queue
/// between the WebSocket event loop (producer) and a driver's coaching task (consumer).
///
/// Exactly one thread or task at a time may call the producer methods (`push`), and exactly one the
/// consumer methods (`pop`, `drain`). The ring never blocks and never allocates after `init`.
///
/// ## Why the memory orderings are right
/// `tail` and `head` count elements ever pushed and popped; slot `i & mask` holds element `i`.
/// - **Publishing an element.** The producer writes the slot, *then* stores `tail + 1` with
///   `.releasing`. The consumer loads `tail` with `.acquiring` before reading any slot below it.
///   Release/acquire on the same atomic makes the slot write happen-before the slot read, so the
///   consumer never sees a half-written element.
/// - **Recycling a slot.** The consumer reads the slot, *then* stores `head + 1` with `.releasing`.
///   The producer loads `head` with `.acquiring` before overwriting a slot below `head + capacity`.
///   This makes the consumer's read happen-before the producer's overwrite, so an element is never
///   overwritten while it is still being copied out.
/// - Each side loads its *own* index `.relaxed`: it is the only writer, so it always sees its own
///   last store.
/// - The cached opposite index is only ever behind the real one (indices only grow), so a stale
///   cache can make a side think the ring is fuller/emptier than it is, never the reverse; it then
///   refreshes with an acquiring load.
///
/// Weakening any of these to `.relaxed` still passes ThreadSanitizer on x86 (measured on this
/// machine) because x86 stores and loads are ordered anyway; the argument above, not the sanitizer,
/// is what keeps the ring correct on ARM.
///
/// `@unchecked Sendable`: the raw buffers are shared between the two sides on purpose; the
/// orderings above, and the one-producer/one-consumer contract, are what make that sound. This is
/// the only such type in the project.
public final class SPSCRing<Element: BitwiseCopyable>: @unchecked Sendable {
    /// Largest accepted capacity; a live-frame ring needs thousands, not billions.
    public static var maximumCapacity: Int { 1 << 30 }

    private let slots: UnsafeMutablePointer<Element>
    private let mask: Int
    private let indices: RingIndices

    /// Number of slots: `capacity` rounded up to a power of two (at least 2), so that
    /// `index & mask` replaces a division.
    public let capacity: Int

    /// - Parameter capacity: the least number of elements the ring must hold; values below 2 give 2.
    ///   A capacity above `maximumCapacity` is a programming error and traps.
    public init(capacity: Int) {
        precondition(capacity <= Self.maximumCapacity, "SPSCRing capacity \(capacity) exceeds \(Self.maximumCapacity)")
        var rounded = 2
        while rounded < capacity { rounded <<= 1 }
        self.capacity = rounded
        mask = rounded - 1
        slots = UnsafeMutablePointer<Element>.allocate(capacity: rounded)
        indices = RingIndices()
    }

    deinit {
        // Elements are BitwiseCopyable: nothing to deinitialise per slot.
        slots.deallocate()
        indices.deallocate()
    }

    // MARK: Producer side

    /// Appends one element; returns false (and drops nothing already queued) when the ring is full.
    /// Producer only.
    public func push(_ element: Element) -> Bool {
        let tail = indices.tail.load(ordering: .relaxed)
        guard freeSlots(tail: tail, needed: 1) >= 1 else { return false }
        (slots + (tail & mask)).initialize(to: element)
        indices.tail.store(tail &+ 1, ordering: .releasing)
        return true
    }

    /// Appends as many leading elements of `elements` as fit, publishing them with one release
    /// store. Returns how many were pushed (a prefix: the rest are not pushed). Producer only.
    public func push<C: Collection>(contentsOf elements: C) -> Int where C.Element == Element {
        let tail = indices.tail.load(ordering: .relaxed)
        let room = freeSlots(tail: tail, needed: elements.count)
        var pushed = 0
        for element in elements {
            guard pushed < room else { break }
            (slots + ((tail &+ pushed) & mask)).initialize(to: element)
            pushed += 1
        }
        if pushed > 0 { indices.tail.store(tail &+ pushed, ordering: .releasing) }
        return pushed
    }

    /// Free slots as the producer sees them, refreshing the cached head only when the cached
    /// value says there is not enough room (so the shared line is touched only when needed).
    private func freeSlots(tail: Int, needed: Int) -> Int {
        var free = capacity &- (tail &- indices.producerCachedHead.pointee)
        if free < needed {
            // Acquire: the consumer's reads of the slots below this head are complete before we
            // overwrite them (pairs with the consumer's releasing store of head).
            indices.producerCachedHead.pointee = indices.head.load(ordering: .acquiring)
            free = capacity &- (tail &- indices.producerCachedHead.pointee)
        }
        return free
    }

    // MARK: Consumer side

    /// Removes and returns the oldest element, or nil when the ring is empty. Consumer only.
    public func pop() -> Element? {
        let head = indices.head.load(ordering: .relaxed)
        guard availableElements(head: head, wanted: 1) >= 1 else { return nil }
        let element = slots[head & mask]
        // Release: our read of the slot is complete before the producer may reuse it.
        indices.head.store(head &+ 1, ordering: .releasing)
        return element
    }

    /// Removes up to `maxCount` elements in FIFO order, handing each to `body`, and returns how many
    /// were removed. Elements pushed while draining may or may not be included. An element is
    /// removed before `body` sees it: if `body` throws, that element and those before it are gone,
    /// the rest stay queued. The slots are released to the producer in one store at the end.
    /// Consumer only.
    @discardableResult
    public func drain(maxCount: Int = .max, _ body: (Element) throws -> Void) rethrows -> Int {
        let head = indices.head.load(ordering: .relaxed)
        let count = min(max(maxCount, 0), availableElements(head: head, wanted: maxCount))
        var removed = 0
        defer {
            if removed > 0 { indices.head.store(head &+ removed, ordering: .releasing) }
        }
        while removed < count {
            let element = slots[(head &+ removed) & mask]
            removed += 1
            try body(element)
        }
        return removed
    }

    /// Queued elements as the consumer sees them, refreshing the cached tail only when the cached
    /// value says fewer than `wanted` are available.
    private func availableElements(head: Int, wanted: Int) -> Int {
        var available = indices.consumerCachedTail.pointee &- head
        if available < wanted {
            // Acquire: the producer's slot writes below this tail are visible to our reads (pairs
            // with the producer's releasing store of tail).
            indices.consumerCachedTail.pointee = indices.tail.load(ordering: .acquiring)
            available = indices.consumerCachedTail.pointee &- head
        }
        return available
    }

    // MARK: Either side

    /// Number of queued elements at some instant during the call; exact only when the other side is
    /// idle. Safe to call from either side (or for metrics, from a third thread).
    public var approximateCount: Int {
        // Head first: head only grows and never passes tail, so a tail loaded later is >= it.
        let head = indices.head.load(ordering: .acquiring)
        let tail = indices.tail.load(ordering: .acquiring)
        return min(max(tail &- head, 0), capacity)
    }
}
