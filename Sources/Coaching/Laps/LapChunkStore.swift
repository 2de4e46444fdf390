/// Where the packed chunks of one lap in progress wait for the lap's end, outside the process's
/// memory: the server appends them to its spool file (`LapChunkSpoolStore` in Storage), so a
/// live driver's memory does not grow with the lap (docs/performance.md, "The lap in progress
/// spooled to disk").
///
/// The store only appends and reads back; the lap keeps where each of its chunks went, so a copy
/// of the lap taken before later appends still reads what it had.
public protocol LapChunkStore: AnyObject, Sendable {
    /// Keeps `chunk` and says where; nil when it could not (disk full, an I/O error): the lap
    /// then keeps that chunk in memory, as it does without a store.
    func append(_ chunk: [UInt8]) -> LapChunkLocation?
    /// The bytes appended at `location`.
    func read(_ location: LapChunkLocation) throws -> [UInt8]
}

/// Makes a `LapChunkStore` for one lap: asked when the lap's first chunk is packed (the frames
/// of the lap in progress, the live grid's blocks behind the car); nil keeps them in memory.
public protocol LapChunkStoreFactory: AnyObject, Sendable {
    func makeChunkStore() -> (any LapChunkStore)?
}

/// Where one chunk lies in its store.
public struct LapChunkLocation: Sendable, Hashable {
    public let offset: Int64
    public let length: Int32

    public init(offset: Int64, length: Int32) {
        self.offset = offset
        self.length = length
    }
}
