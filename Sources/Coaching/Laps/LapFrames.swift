import Telemetry

/// A lap's frames: plain, or as the live coach held them, packed.
///
/// Why packed: the live coach packs a lap as it goes (`LapFramePacker`), and the lap store can
/// keep those chunks as they are (Storage's chunked telemetry), so a lap is neither unpacked at
/// the line, on the event loop that coaches other drivers, nor encoded again by the lap writer.
/// `unpacked()` gives the frames where they are really needed (a driver's own best lap as the
/// reference, braking zones without a reference).
public enum LapFrames: Sendable {
    case plain([TelemetryFrame])
    case packed(PackedLapFrames)

    /// Frames in the lap.
    public var count: Int {
        switch self {
        case .plain(let frames): frames.count
        case .packed(let packed): packed.count
        }
    }

    /// Every frame in order. Unpacking a packed 90 s lap takes about a millisecond: not for the
    /// live path.
    public func unpacked() -> [TelemetryFrame] {
        switch self {
        case .plain(let frames): frames
        case .packed(let packed): packed.unpacked()
        }
    }

    /// Bytes the frames hold on the heap.
    public var heapBytes: Int {
        switch self {
        case .plain(let frames): frames.count * MemoryLayout<TelemetryFrame>.stride
        case .packed(let packed): packed.heapBytes
        }
    }
}

/// A lap's frames packed by its `LapFramePacker`: whole chunks in lap order, then the plain
/// frames after the last chunk (fewer than a chunk).
public struct PackedLapFrames: Sendable {
    /// The packer that made the chunks; it unpacks them.
    public let packer: any LapFramePacker
    /// Each chunk's bytes as `packer.pack` gave them, in lap order.
    public let chunks: [[UInt8]]
    /// The frames after the last chunk.
    public let tail: [TelemetryFrame]

    public init(packer: any LapFramePacker, chunks: [[UInt8]], tail: [TelemetryFrame]) {
        self.packer = packer
        self.chunks = chunks
        self.tail = tail
        self.count = chunks.count * max(1, packer.chunkFrames) + tail.count
    }

    /// Frames in the chunks and the tail (every chunk holds `packer.chunkFrames`).
    public let count: Int

    /// Every frame in order; a chunk that does not unpack (never seen: the packer reads its own
    /// bytes) leaves its frames out.
    public func unpacked() -> [TelemetryFrame] {
        var frames: [TelemetryFrame] = []
        frames.reserveCapacity(count)
        for chunk in chunks {
            if let unpacked = try? packer.unpack(chunk) { frames.append(contentsOf: unpacked) }
        }
        frames.append(contentsOf: tail)
        return frames
    }

    var heapBytes: Int {
        chunks.reduce(chunks.capacity * MemoryLayout<[UInt8]>.stride) { $0 + $1.capacity }
            + tail.capacity * MemoryLayout<TelemetryFrame>.stride
    }
}
