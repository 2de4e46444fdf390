import Telemetry

/// The end of the previous lap on the 1 m grid: all the corners measured across the line read of
/// it. Only the last `length` points are kept, not the whole lap (which was 85 KB per driver on
/// a 3.9 km track, for the few hundred metres before the line that are ever read).
struct LapTail: Sendable {
    /// Grid index of the first point kept: the tail holds indexes `start..<start + length`.
    let start: Int
    private(set) var points: GridColumns
    private(set) var filled: [Bool]
    var lapTime: Double = 0

    init(length: Int, lapCount: Int) {
        let length = max(0, min(length, lapCount))
        start = lapCount - length
        points = GridColumns(count: length)
        filled = Array(repeating: false, count: length)
    }

    /// Is grid index `index` (of the lap, 0..<lapCount) kept and recorded?
    func isRecorded(_ index: Int) -> Bool {
        index >= start && index - start < filled.count && filled[index - start]
    }

    /// Takes the end of a just finished lap from its grid, in place: only the blocks of the
    /// tail are unpacked, not the whole lap.
    mutating func copy(from grid: inout LiveGrid, filled marks: GridMarks, lapTime: Double) {
        self.lapTime = lapTime
        for offset in filled.indices {
            let index = start + offset
            points[offset] = grid[index]
            filled[offset] = marks[index]
        }
    }

    /// Interpolates the kept grid points between two samples (on this lap's distances).
    mutating func fill(from a: LiveLapRecorder.Sample, to b: LiveLapRecorder.Sample) {
        guard let indexes = LiveLapRecorder.gridIndexes(from: a, to: b, count: start + filled.count),
            indexes.upperBound >= start
        else { return }
        for index in max(indexes.lowerBound, start)...indexes.upperBound {
            let offset = index - start
            points[offset] = LiveLapRecorder.gridPoint(index, from: a, to: b)
            filled[offset] = true
        }
    }
}
