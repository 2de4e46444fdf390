/// Which of the spool file's extents are handed out: one bit each, the lowest free one taken
/// first, so the extents in use gather at the file's start and, once a peak has passed, the
/// free tail can be cut off the file (`shrinkToFit`).
///
/// A cut is made by the file system after the table has shrunk (`ftruncate`, tens of
/// milliseconds for hundreds of MB), so until `cutDone()` the table does not grow: an extent
/// past the new end could still be cut away under its writer.
///
/// Not thread-safe: `LapChunkSpool` keeps it behind its lock.
struct SpoolExtentTable {
    /// One bit per extent the file holds, set while a store holds it.
    private var words: [UInt64] = []
    /// No extent below this index is free.
    private var lowestMaybeFree = 0
    /// Extents the file holds (its length in extents).
    private(set) var count = 0
    /// Extents held by stores.
    private(set) var inUse = 0
    /// A cut is being made: the file may still be longer than `count`, and must not grow.
    private(set) var cutting = false

    /// The lowest free extent's index, growing the file by one extent when none is free and
    /// it holds fewer than `limit`; nil when none is free and the file is at `limit` or being cut.
    mutating func take(limit: Int) -> Int? {
        var wordIndex = lowestMaybeFree / 64
        while wordIndex < words.count {
            let word = words[wordIndex]
            if word != .max {
                let index = wordIndex * 64 + (~word).trailingZeroBitCount
                guard index < count else { break }
                return mark(index)
            }
            wordIndex += 1
        }
        lowestMaybeFree = count
        guard count < limit, !cutting else { return nil }
        count += 1
        if words.count * 64 < count { words.append(0) }
        return mark(count - 1)
    }

    /// Frees an extent a store held.
    mutating func give(_ index: Int) {
        precondition(index >= 0 && isHeld(index), "extent \(index) was not handed out")
        words[index / 64] &= ~(1 << UInt64(index % 64))
        inUse -= 1
        lowestMaybeFree = min(lowestMaybeFree, index)
    }

    /// Drops the free extents at the file's end when they are at least `minimumFree` and at
    /// least half of the file; returns the new count when it dropped them, and the table is then
    /// `cutting` until `cutDone()`. Half, so that a spool holding steady is not cut and grown
    /// again at every lap's end: a cut needs half of the file free, and the file grows only when
    /// no extent below its end is free.
    mutating func shrinkToFit(minimumFree: Int) -> Int? {
        guard !cutting, count > 0, (count - inUse) * 2 >= count else { return nil }
        var highestHeld = -1
        for wordIndex in stride(from: (count - 1) / 64, through: 0, by: -1) where words[wordIndex] != 0 {
            highestHeld = wordIndex * 64 + 63 - words[wordIndex].leadingZeroBitCount
            break
        }
        let freeTail = count - (highestHeld + 1)
        guard freeTail > 0, freeTail >= minimumFree, freeTail * 2 >= count else { return nil }
        count = highestHeld + 1
        words.removeLast(words.count - (count + 63) / 64)
        lowestMaybeFree = min(lowestMaybeFree, count)
        cutting = true
        return count
    }

    /// The file system has cut the file (or failed to: its tail is then written over when the
    /// file grows again); the table may grow again.
    mutating func cutDone() {
        cutting = false
    }

    func isHeld(_ index: Int) -> Bool {
        index < count && words[index / 64] & (1 << UInt64(index % 64)) != 0
    }

    private mutating func mark(_ index: Int) -> Int {
        words[index / 64] |= 1 << UInt64(index % 64)
        inUse += 1
        lowestMaybeFree = index + 1
        return index
    }
}
