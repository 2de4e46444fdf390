/// A lap's `LapChunkStore`, made from its factory when the lap's first chunk is kept (a lap too
/// short to pack anything never makes one), and let go with the lap. Shared by the lap's frames
/// (`LapFrameLog`) and its live grid (`LiveGrid`).
struct LapChunkStoreSlot: Sendable {
    private let factory: (any LapChunkStoreFactory)?
    private var store: (any LapChunkStore)?
    private var asked = false

    init(factory: (any LapChunkStoreFactory)?) {
        self.factory = factory
    }

    /// Keeps `bytes` in the lap's store; nil when there is none or it refused them.
    mutating func append(_ bytes: [UInt8]) -> LapChunkLocation? {
        if !asked {
            asked = true
            store = factory?.makeChunkStore()
        }
        return store?.append(bytes)
    }

    /// The bytes kept at `location`.
    func read(_ location: LapChunkLocation) throws -> [UInt8] {
        guard let store else { throw LapChunkUnavailable() }
        return try store.read(location)
    }

    /// Lets the lap's store go; the next chunk kept makes a new one.
    mutating func reset() {
        store = nil
        asked = false
    }
}

/// A stored chunk whose store is gone (cannot happen: the store is made before the first one).
private struct LapChunkUnavailable: Error {}
