/// Which of the spool file's extents are handed out: one bit each, the lowest free one taken
/// first, so the extents in use gather at the file's start and, once a peak has passed, the
/// free tail can be cut off the file (`shrinkToFit`).
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

    /// The lowest free extent's index, growing the file by one extent when none is free and
    /// it holds fewer than `limit`; nil when it is at `limit` and full.
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
        guard count < limit else {
            lowestMaybeFree = count
            return nil
        }
        count += 1
        if words.count * 64 < count { words.append(0) }
        return mark(count - 1)
    }

    /// Frees an extent a store held.
    mutating func give(_ index: Int) {
        precondition(index >= 0 && index < count && isHeld(index), "extent \(index) was not handed out")
        words[index / 64] &= ~(1 << UInt64(index % 64))
        inUse -= 1
        lowestMaybeFree = min(lowestMaybeFree, index)
    }

    /// Drops the free extents at the file's end when at least half of the file and at least
    /// `minimumFree` extents are free; returns the new count when it dropped any. Half, so that
    /// a spool hovering at one size is never cut and grown again: after a cut, the extents in use
    /// must halve again before the next one.
    mutating func shrinkToFit(minimumFree: Int) -> Int? {
        let free = count - inUse
        guard count > 0, free >= minimumFree, free * 2 >= count else { return nil }
        var highestHeld = -1
        for wordIndex in stride(from: (count - 1) / 64, through: 0, by: -1) where words[wordIndex] != 0 {
            highestHeld = wordIndex * 64 + 63 - words[wordIndex].leadingZeroBitCount
            break
        }
        guard highestHeld + 1 < count else { return nil }
        count = highestHeld + 1
        words.removeLast(words.count - (count + 63) / 64)
        lowestMaybeFree = min(lowestMaybeFree, count)
        return count
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
