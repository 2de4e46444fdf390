import Telemetry

/// Builds the current lap on the 1 m grid as frames arrive, interpolating between frames, and
/// keeps the end of the previous lap (`LapTail`) for corners that cross the line.
///
/// It records only what corners and braking zones read (time, speed, pedals, gear), on a
/// `LiveGrid` that packs the metres behind the car: the lap is read whole only when a corner is
/// measured and at the lap's end, through `current` and `window`, which unpack a plain copy.
struct LiveLapRecorder: Sendable {
    struct Sample: Sendable, Equatable {
        var distance: Double
        var elapsed: Double
        var sessionTime: Double
        var speed: Float
        var throttle: Float
        var brake: Float
        var gear: Int8
    }

    /// Frames further apart than this are not bridged (a dropout or a jump): 30 m is half a
    /// second at 60 m/s, six frames lost at 10 Hz.
    static let maximumGap = 30.0

    let count: Int
    /// Metres of the previous lap kept (`LapTail`).
    let tailLength: Int
    /// The reference's metadata and spacing, given to the lap `current` makes.
    private let metadata: ReferenceLapMetadata
    private let gridSpacing: Double
    private var grid: LiveGrid
    private var lapTime = 0.0
    private(set) var filled: GridMarks
    private(set) var previous: LapTail?
    private var last: Sample?
    /// The first grid index past the recorded data of the current lap (see `LapWindow.recordedEnd`).
    private var recordedEnd = 0
    /// The last sample of the previous lap, waiting for the first of this one to place the line.
    private var carried: Sample?

    /// - Parameter tailLength: metres before the line that corners measured across it read.
    /// - Parameter chunkStores: where the grid's packed blocks go (`LiveGrid`); nil: memory.
    init(template: ReferenceLap, tailLength: Int, chunkStores: (any LapChunkStoreFactory)? = nil) {
        count = template.count
        self.tailLength = tailLength
        var metadata = template.metadata
        metadata.source = "live"
        metadata.lapTime = 0
        self.metadata = metadata
        gridSpacing = template.gridSpacing
        grid = LiveGrid(count: template.count, chunkStores: chunkStores)
        filled = GridMarks(count: template.count)
    }

    /// The lap recorded so far, plain (unpacked on every read: read it once per measurement).
    /// It has no `steering`: nothing reads it of a live lap.
    var current: ReferenceLap {
        let columns = grid.columns()
        var metadata = metadata
        metadata.lapTime = lapTime
        return ReferenceLap(
            metadata: metadata, gridSpacing: gridSpacing, time: columns.time, speed: columns.speed,
            throttle: columns.throttle, brake: columns.brake, steering: [], gear: columns.gear)
    }

    mutating func record(_ sample: Sample) {
        if let carried {
            self.carried = nil
            crossLine(from: carried, to: sample)
        }
        if let last, sample.distance > last.distance, sample.distance - last.distance <= Self.maximumGap {
            grid.fill(&filled, from: last, to: sample)
            if let indexes = Self.gridIndexes(from: last, to: sample, count: count) { recordedEnd = max(recordedEnd, indexes.upperBound + 1) }
        } else if last == nil || sample.distance > (last?.distance ?? 0) {
            setNearest(sample)
        } else {
            return  // backwards: ignore, the lap tracker decides about resets
        }
        last = sample
    }

    /// Is every grid point from `from` to `to` (unwrapped; negative = previous lap) recorded?
    func isRecorded(from: Int, to: Int) -> Bool {
        guard to >= from, to < count, from > -count else { return false }
        for index in from...to {
            if index < 0 {
                guard let previous, previous.isRecorded(index + count) else { return false }
            } else if !filled[index] {
                return false
            }
        }
        return true
    }

    /// The lap so far with the previous lap's tail, for the corner readers (unpacks `current`).
    var window: LapWindow { window(of: current) }

    /// `lap` (this recorder's `current`) with the previous lap's tail.
    func window(of lap: ReferenceLap) -> LapWindow { LapWindow(lap, previous: previous, recordedEnd: recordedEnd) }

    /// Extends the last frame to the end of the lap when it stopped within a few metres of it.
    mutating func closeTail() {
        guard let last, last.distance >= Double(count) - 3 else { return }
        var index = count - 1
        while index >= 0, !filled[index] { index -= 1 }
        guard index >= 0, index < count - 1 else { return }
        for i in (index + 1)..<count { copyPoint(from: index, to: i) }
        recordedEnd = count
        lapTime = last.elapsed
    }

    mutating func startNewLap() {
        // Only the finished lap's end is still read: copied out, the grid is cleared for the new lap.
        if previous == nil { previous = LapTail(length: tailLength, lapCount: count) }
        previous?.copy(from: &grid, filled: filled, lapTime: lapTime)
        carried = last.map { var s = $0; s.distance -= Double(count); return s }
        clear()
    }

    mutating func reset() {
        clear()
        previous = nil
        carried = nil
    }

    private mutating func clear() {
        grid.clearAll()
        lapTime = 0
        filled.clearAll()
        last = nil
        recordedEnd = 0
    }

    /// Places the line between the previous lap's last frame and this lap's first: fills the
    /// previous lap's tail, this lap's head, and the previous lap's exact lap time.
    private mutating func crossLine(from old: Sample, to new: Sample) {
        let gap = new.distance - old.distance
        guard gap > 0, gap <= Self.maximumGap else { return }
        let seconds = new.sessionTime - old.sessionTime
        guard seconds.isFinite, seconds >= 0 else { return }
        var head = old
        head.elapsed = new.elapsed - seconds
        last = head
        if previous != nil {
            // On the previous lap's own clock and distances; written through the optional, in place.
            var tailStart = old
            tailStart.distance += Double(count)
            var tailEnd = new
            tailEnd.distance += Double(count)
            tailEnd.elapsed = old.elapsed + seconds
            previous?.fill(from: tailStart, to: tailEnd)
            previous?.lapTime = old.elapsed + seconds * (-old.distance) / gap
        }
    }

    private mutating func setNearest(_ s: Sample) {
        let index = Int(s.distance.rounded())
        guard index >= 0, index < count, !filled[index] else { return }
        grid[index] = GridPoint(time: Float(s.elapsed), speed: s.speed, throttle: s.throttle, brake: s.brake, gear: s.gear)
        filled[index] = true
        recordedEnd = max(recordedEnd, index + 1)
    }

    private mutating func copyPoint(from source: Int, to target: Int) {
        grid[target] = grid[source]
        filled[target] = true
    }
}

extension LiveLapRecorder {
    /// One grid point interpolated between two samples.
    struct GridPoint: Sendable, Equatable {
        var time: Float
        var speed: Float
        var throttle: Float
        var brake: Float
        var gear: Int8
    }

    /// The grid indexes (of a lap of `count` points) strictly after `a` and up to `b`; nil when none.
    static func gridIndexes(from a: Sample, to b: Sample, count: Int) -> ClosedRange<Int>? {
        let first = max(0, Int(a.distance.rounded(.down)) + 1), lastIndex = min(count - 1, Int(b.distance.rounded(.down)))
        return first <= lastIndex ? first...lastIndex : nil
    }

    @inline(__always)
    static func gridPoint(_ index: Int, from a: Sample, to b: Sample) -> GridPoint {
        let f = Float((Double(index) - a.distance) / (b.distance - a.distance))
        return GridPoint(
            time: Float(a.elapsed + (b.elapsed - a.elapsed) * Double(f)), speed: a.speed + (b.speed - a.speed) * f,
            throttle: a.throttle + (b.throttle - a.throttle) * f, brake: a.brake + (b.brake - a.brake) * f,
            gear: f < 0.5 ? a.gear : b.gear)
    }
}

extension LiveGrid {
    /// Interpolates the grid points between two samples and marks them recorded. A method of the
    /// grid, not of the recorder, so that `grid.fill(&filled, ...)` writes both in place without
    /// also passing a copy of the recorder (which would share, and so copy, their arrays).
    fileprivate mutating func fill(_ marks: inout GridMarks, from a: LiveLapRecorder.Sample, to b: LiveLapRecorder.Sample) {
        guard let indexes = LiveLapRecorder.gridIndexes(from: a, to: b, count: count) else { return }
        for index in indexes {
            self[index] = LiveLapRecorder.gridPoint(index, from: a, to: b)
            marks[index] = true
        }
    }
}
