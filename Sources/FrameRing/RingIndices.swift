import Atomics

/// The ring's four indices, in raw memory on two separate cache lines.
///
/// Line 0 belongs to the producer: the published `tail` and the producer's cached copy of `head`.
/// Line 1 belongs to the consumer: the published `head` and the consumer's cached copy of `tail`.
/// Keeping each side's hot data on its own line means the only cross-core traffic is the real
/// hand-off (reading the other side's published index), not false sharing. The lines are 128
/// bytes apart because Apple silicon has 128-byte lines and x86 prefetches adjacent 64-byte pairs.
///
/// The indices are raw memory rather than class `var`s because class property access pays for
/// dynamic exclusivity checks, and because each side's plain cached value must never share a line
/// with the other side's.
struct RingIndices {
    static let cacheLineStride = 128

    private let block: UnsafeMutableRawPointer
    /// Count of elements ever pushed. Written only by the producer (release), read by both.
    let tail: UnsafeAtomic<Int>
    /// Count of elements ever popped. Written only by the consumer (release), read by both.
    let head: UnsafeAtomic<Int>
    /// Producer-private: the last `head` the producer loaded (a lower bound of the real one).
    let producerCachedHead: UnsafeMutablePointer<Int>
    /// Consumer-private: the last `tail` the consumer loaded (a lower bound of the real one).
    let consumerCachedTail: UnsafeMutablePointer<Int>

    init() {
        let stride = Self.cacheLineStride
        block = UnsafeMutableRawPointer.allocate(byteCount: 2 * stride, alignment: stride)
        let representation = MemoryLayout<UnsafeAtomic<Int>.Storage>.stride
        let producerLine = block
        let consumerLine = block + stride
        tail = UnsafeAtomic(at: producerLine.initializeMemory(as: UnsafeAtomic<Int>.Storage.self, to: .init(0)))
        producerCachedHead = (producerLine + representation).initializeMemory(as: Int.self, to: 0)
        head = UnsafeAtomic(at: consumerLine.initializeMemory(as: UnsafeAtomic<Int>.Storage.self, to: .init(0)))
        consumerCachedTail = (consumerLine + representation).initializeMemory(as: Int.self, to: 0)
    }

    /// Frees the block; call exactly once, when neither side can touch the ring any more.
    func deallocate() {
        block.deallocate()
    }
}
