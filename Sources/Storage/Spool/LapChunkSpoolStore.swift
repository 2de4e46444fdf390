import Coaching
import Synchronization

/// One lap's chunks in the spool's file: appended in extents the store takes as it fills them,
/// given back when the lap lets the store go (`deinit`), so nothing outlives the lap.
///
/// A chunk never straddles two extents; one larger than an extent (never: a 60-frame chunk packs
/// to about 1 KB) is refused and stays in memory, and so is every chunk past the lap's share of
/// the spool (`LapChunkSpool.maximumBytesPerLap`). Written by the lap's one owner, so the lock is
/// never contended.
public final class LapChunkSpoolStore: LapChunkStore {
    private let spool: LapChunkSpool
    private let state = Mutex(State())

    private struct State {
        /// The extents taken, in order; the last is the one being filled.
        var extents: [Int] = []
        /// Bytes used of the last extent.
        var used = 0
    }

    init(spool: LapChunkSpool) {
        self.spool = spool
    }

    deinit {
        spool.giveBack(state.withLock { $0.extents })
    }

    public func append(_ chunk: [UInt8]) -> LapChunkLocation? {
        let size = LapChunkSpool.extentBytes
        guard !chunk.isEmpty, chunk.count <= size else { return nil }
        return state.withLock { state in
            if state.extents.isEmpty || state.used + chunk.count > size {
                // The lap's share of the spool (`maximumBytesPerLap`): past it, memory.
                guard (state.extents.count + 1) * size <= spool.maximumBytesPerLap,
                      let extent = spool.takeExtent()
                else { return nil }
                state.extents.append(extent)
                state.used = 0
            }
            let offset = state.extents[state.extents.count - 1] + state.used
            // A failed write leaves `used` where it was: the next chunk writes over it.
            guard spool.write(chunk, at: offset) else { return nil }
            state.used += chunk.count
            return LapChunkLocation(offset: Int64(offset), length: Int32(chunk.count))
        }
    }

    public func read(_ location: LapChunkLocation) throws -> [UInt8] {
        let offset = Int(location.offset), length = Int(location.length)
        let size = LapChunkSpool.extentBytes
        let written: Bool = state.withLock { state in
            let extent = offset >= 0 ? offset - offset % size : -1
            guard length >= 0, let index = state.extents.lastIndex(of: extent) else { return false }
            let end = index == state.extents.count - 1 ? extent + state.used : extent + size
            return offset + length <= end
        }
        guard written else { throw LapChunkSpoolError.outOfRange(location) }
        return try spool.read(at: offset, length: length)
    }
}
