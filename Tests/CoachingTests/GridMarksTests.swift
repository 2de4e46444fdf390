import Testing

@testable import Coaching

/// The live lap's recorded marks as bits: every point reads back what was written, and the lap
/// is complete only when every point, the last partial word's included, is marked.
@Suite struct GridMarksTests {
    @Test(arguments: [1, 63, 64, 65, 128, 3_883])
    func eachPointReadsBackAndTheLapIsCompleteOnlyWithEveryPoint(count: Int) {
        var marks = GridMarks(count: count)
        #expect(!marks.isComplete)
        var expected = [Bool](repeating: false, count: count)
        // Every third point, then the rest: a read never sees a neighbour's bit.
        for index in stride(from: 0, to: count, by: 3) {
            marks[index] = true
            expected[index] = true
        }
        #expect((0..<count).allSatisfy { marks[$0] == expected[$0] })
        for index in 0..<count where !expected[index] && index != count - 1 { marks[index] = true }
        #expect(marks.isComplete == ((count - 1) % 3 == 0), "only the last point may be missing here")
        marks[count - 1] = true
        #expect(marks.isComplete)
        marks[count / 2] = false
        #expect(!marks.isComplete)
        #expect(!marks[count / 2])
        marks.clearAll()
        #expect((0..<count).allSatisfy { !marks[$0] })
        #expect(marks == GridMarks(count: count))
    }

    @Test func anEmptyGridHasNothingToRecord() {
        #expect(GridMarks(count: 0).isComplete)
    }

    @Test func aBitSetsOneMetreNotItsWord() {
        var marks = GridMarks(count: 200)
        marks[127] = true
        #expect(marks[127])
        #expect(!marks[126] && !marks[128] && !marks[63] && !marks[191])
    }
}
