/// The live lap's grid points, held compactly while the lap is driven: blocks the car has left
/// behind are packed losslessly (`GridBlockCodec`, about 4 bytes a metre instead of 17), and
/// the two blocks written last are kept plain for the per-frame writes.
///
/// The whole lap on plain arrays was 17 bytes a metre from the session's first frame on: 66 KB
/// per driver on Brands Hatch GP, the largest part of a live driver's memory. It is read whole
/// only a few times a lap (a corner measured, the lap's end), so `columns()` unpacks a plain
/// copy for those reads, which let it go.
///
/// Writes move forward with the car, so a block is packed when the car is two blocks past it.
/// A write behind that (never seen in recorded laps, but possible) unpacks its block again:
/// any write order gives the same points as plain arrays would hold.
struct LiveGrid: Sendable {
    /// 128 points a block: each plain block is 2.2 KB, and most of a block's bytes are its varints.
    static let blockShift = 7
    static let blockSize = 1 << blockShift

    let count: Int
    /// Each block's packed bytes; empty while the block is plain or all zeros.
    private var packed: [[UInt8]]
    /// Two plain blocks, at slot 0 and slot 1 (`blockSize` points each).
    private var plain: GridColumns
    /// The block held in each plain slot; -1 for none.
    private var slotBlocks: (Int, Int) = (-1, -1)

    init(count: Int) {
        self.count = max(0, count)
        packed = Array(repeating: [], count: (self.count + Self.blockSize - 1) >> Self.blockShift)
        plain = GridColumns(count: 2 * Self.blockSize)
    }

    @inline(__always)
    subscript(index: Int) -> LiveLapRecorder.GridPoint {
        mutating get { plain[plainIndex(of: index)] }
        set { plain[plainIndex(of: index)] = newValue }
    }

    /// The whole lap, plain: every point that was written, zeros elsewhere.
    func columns() -> GridColumns {
        var columns = GridColumns(count: count)
        for block in packed.indices {
            let start = block << Self.blockShift, length = self.length(of: block)
            if slotBlocks.0 == block {
                columns.copy(plain, from: 0, to: start, count: length)
            } else if slotBlocks.1 == block {
                columns.copy(plain, from: Self.blockSize, to: start, count: length)
            } else if !packed[block].isEmpty {
                GridBlockCodec.unpack(packed[block], into: &columns, at: start, count: length)
            }
        }
        return columns
    }

    /// Makes every point zero again, keeping the plain blocks' storage.
    mutating func clearAll() {
        for block in packed.indices where !packed[block].isEmpty { packed[block] = [] }
        plain.zero(from: 0, count: plain.count)
        slotBlocks = (-1, -1)
    }

    private func length(of block: Int) -> Int {
        min(Self.blockSize, count - block << Self.blockShift)
    }

    /// Where `index` is in the plain blocks, unpacking its block first when it is not plain.
    @inline(__always)
    private mutating func plainIndex(of index: Int) -> Int {
        assert(index >= 0 && index < count)
        let block = index >> Self.blockShift
        let slot = slotBlocks.0 == block ? 0 : slotBlocks.1 == block ? 1 : makePlain(block)
        return slot << Self.blockShift | index & (Self.blockSize - 1)
    }

    /// Gives `block` a plain slot: the free one, else the one of the earlier block (the car has
    /// left it behind), which is packed first.
    private mutating func makePlain(_ block: Int) -> Int {
        let slot = slotBlocks.0 < 0 ? 0 : slotBlocks.1 < 0 ? 1 : slotBlocks.0 < slotBlocks.1 ? 0 : 1
        let start = slot << Self.blockShift
        let evicted = slot == 0 ? slotBlocks.0 : slotBlocks.1
        if evicted >= 0 { packed[evicted] = GridBlockCodec.pack(plain, from: start, count: length(of: evicted)) }
        // Unpacks the block's bytes (zeros when it has none) over what the slot held.
        let length = self.length(of: block)
        GridBlockCodec.unpack(packed[block], into: &plain, at: start, count: length)
        if length < Self.blockSize { plain.zero(from: start + length, count: Self.blockSize - length) }
        packed[block] = []
        if slot == 0 { slotBlocks.0 = block } else { slotBlocks.1 = block }
        return slot
    }
}
