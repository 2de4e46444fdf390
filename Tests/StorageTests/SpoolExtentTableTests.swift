import LapSynthesis
import Testing

@testable import Storage

/// The spool's extent table against a plain set of held extents: the lowest free extent is
/// taken first, the file grows by one only when none is free and stops at its limit, and its
/// free tail is cut only when at least half of it and the minimum are free.
@Suite struct SpoolExtentTableTests {
    @Test func takesTheLowestFreeExtentAndCutsOnlyAMostlyFreeTail() {
        var table = SpoolExtentTable()
        var held = Set<Int>()
        var count = 0
        var cutting = false
        var random = SeededGenerator(seed: 15)
        let limit = 300, minimumFree = 8
        for step in 0..<20_000 {
            // Waves: mostly taking for a while, then mostly giving, so the file grows and shrinks.
            let taking = (step / 2_000) % 2 == 0 ? random.next() % 4 != 0 : random.next() % 4 == 0
            if taking {
                let lowestFree = (0..<count).first { !held.contains($0) }
                let expected = lowestFree ?? (count < limit && !cutting ? count : nil)
                #expect(table.take(limit: limit) == expected, "step \(step)")
                if let expected {
                    held.insert(expected)
                    count = max(count, expected + 1)
                }
            } else if !held.isEmpty {
                // Sorted, so the same seed replays the same steps.
                let index = held.sorted()[Int(random.next() % UInt64(held.count))]
                table.give(index)
                held.remove(index)
                let freeTail = count - ((held.max() ?? -1) + 1)
                let cut = table.shrinkToFit(minimumFree: minimumFree)
                if !cutting, freeTail > 0, freeTail >= minimumFree, freeTail * 2 >= count {
                    count -= freeTail
                    cutting = true
                    #expect(cut == count, "step \(step)")
                } else {
                    #expect(cut == nil, "step \(step)")
                }
            }
            // A cut is made a few steps later, as the file system's `ftruncate` is.
            if cutting, random.next() % 3 == 0 {
                table.cutDone()
                cutting = false
            }
            #expect(table.count == count && table.inUse == held.count && table.cutting == cutting, "step \(step)")
        }
        #expect((0..<count).allSatisfy { table.isHeld($0) == held.contains($0) })
    }

    @Test func aSpoolHoldingSteadyIsNeverCut() {
        var table = SpoolExtentTable()
        for _ in 0..<100 { _ = table.take(limit: 1_000) }
        // Laps end and start around 60 in use: the free tail is never half the file, so the file
        // is never cut and grown again.
        for round in 0..<50 {
            for index in stride(from: 99, through: 60, by: -1) where table.isHeld(index) { table.give(index) }
            #expect(table.shrinkToFit(minimumFree: 8) == nil, "round \(round)")
            while table.inUse < 100 { _ = table.take(limit: 1_000) }
        }
        #expect(table.count == 100)
        // A free tail of half the file or more goes; the table does not grow until the cut is made.
        for index in 40..<100 { table.give(index) }
        #expect(table.shrinkToFit(minimumFree: 8) == 40)
        #expect(table.count == 40 && table.inUse == 40 && table.cutting)
        #expect(table.take(limit: 1_000) == nil, "no extent free below the new end, and no growing")
        table.cutDone()
        #expect(table.take(limit: 1_000) == 40)
    }
}
