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
///
/// With a `LapChunkStoreFactory` (the server's lap spool), packed blocks go to the lap's store
/// and only their places stay here (16 bytes a block); a block the store cannot take or give back
/// stays in memory, or reads as zeros (a point never driven). The store is let go at each new lap.
struct LiveGrid: Sendable {
    /// A block not plain: nothing (never driven, or all zeros), its packed bytes, or where its
    /// store put them.
    private enum PackedBlock: Sendable {
        case none
        case inMemory([UInt8])
        case stored(LapChunkLocation)
    }

    /// 128 points a block: each plain block is 2.2 KB, and most of a block's bytes are its varints.
    static let blockShift = 7
    static let blockSize = 1 << blockShift

    let count: Int
    /// Each block's packed form; `.none` while the block is plain or all zeros.
    private var packed: [PackedBlock]
    /// This lap's store, made when its first block is packed.
    private var store: LapChunkStoreSlot
    /// Blocks appended to this lap's store: a block packed again after a write behind the car
    /// goes to the store again, so past twice the lap's blocks they stay in memory (a lap's share
    /// of the spool is bounded whatever a client sends).
    private var storedWrites = 0
    /// Two plain blocks, at slot 0 and slot 1 (`blockSize` points each).
    private var plain: GridColumns
    /// The block held in each plain slot; -1 for none.
    private var slotBlocks: (Int, Int) = (-1, -1)

    init(count: Int, chunkStores: (any LapChunkStoreFactory)? = nil) {
        self.count = max(0, count)
        self.store = LapChunkStoreSlot(factory: chunkStores)
        packed = Array(repeating: .none, count: (self.count + Self.blockSize - 1) >> Self.blockShift)
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
            } else {
                unpack(block, into: &columns, at: start)
            }
        }
        return columns
    }

    /// Makes every point zero again, keeping the plain blocks' storage; the lap's store is let go.
    mutating func clearAll() {
        for block in packed.indices {
            if case .none = packed[block] { continue }
            packed[block] = .none
        }
        plain.zero(from: 0, count: plain.count)
        slotBlocks = (-1, -1)
        store.reset()
        storedWrites = 0
    }

    /// Blocks of this lap held by its store, not memory.
    var storedBlockCount: Int {
        packed.reduce(0) { count, block in
            if case .stored = block { count + 1 } else { count }
        }
    }

    /// Packed bytes held in memory (blocks the store did not take, or all without a store).
    var packedBytesInMemory: Int {
        packed.reduce(0) { bytes, block in
            if case .inMemory(let data) = block { bytes + data.count } else { bytes }
        }
    }

    /// Writes `block`'s points into `columns` from `start`: zeros when it has none, or when its
    /// bytes cannot be read back or unpacked (never seen: the store reads its own bytes).
    private func unpack(_ block: Int, into columns: inout GridColumns, at start: Int) {
        let length = self.length(of: block)
        switch packed[block] {
        case .none:
            columns.zero(from: start, count: length)
        case .inMemory(let bytes):
            if !GridBlockCodec.unpack(bytes, into: &columns, at: start, count: length) {
                columns.zero(from: start, count: length)
            }
        case .stored(let location):
            guard let bytes = try? store.read(location),
                  GridBlockCodec.unpack(bytes, into: &columns, at: start, count: length)
            else {
                columns.zero(from: start, count: length)
                return
            }
        }
    }

    /// Keeps `bytes`, the packed form of `block`: in the lap's store when there is one.
    private mutating func keep(_ bytes: [UInt8], for block: Int) {
        guard !bytes.isEmpty else {
            packed[block] = .none
            return
        }
        if storedWrites < 2 * packed.count, let location = store.append(bytes) {
            storedWrites += 1
            packed[block] = .stored(location)
        } else {
            packed[block] = .inMemory(bytes)
        }
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
        if evicted >= 0 { keep(GridBlockCodec.pack(plain, from: start, count: length(of: evicted)), for: evicted) }
        // Unpacks the block's bytes (zeros when it has none) over what the slot held.
        let length = self.length(of: block)
        unpack(block, into: &plain, at: start)
        if length < Self.blockSize { plain.zero(from: start + length, count: Self.blockSize - length) }
        packed[block] = .none
        if slot == 0 { slotBlocks.0 = block } else { slotBlocks.1 = block }
        return slot
    }
}
