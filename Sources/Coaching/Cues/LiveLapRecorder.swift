import Telemetry

/// Builds the current lap on the 1 m grid as frames arrive, interpolating between frames, and
/// keeps the end of the previous lap (`LapTail`) for corners that cross the line.
///
/// It records only what corners and braking zones read (time, speed, pedals, gear): the live
/// lap's `steering` is left empty, 4 bytes a metre per driver that nothing read (15.5 KB on a
/// 3.9 km track).
///
/// It runs on every frame, so it writes the grid arrays in place: nothing may hold a second
/// reference to `current`'s arrays while they are written (that would make the write copy the
/// whole lap), and a new lap clears the finished lap's arrays in place once its tail is copied.
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
    private(set) var current: ReferenceLap
    private(set) var filled: GridMarks
    private(set) var previous: LapTail?
    private var last: Sample?
    /// The first grid index past the recorded data of the current lap (see `LapWindow.recordedEnd`).
    private var recordedEnd = 0
    /// The last sample of the previous lap, waiting for the first of this one to place the line.
    private var carried: Sample?

    /// - Parameter tailLength: metres before the line that corners measured across it read.
    init(template: ReferenceLap, tailLength: Int) {
        count = template.count
        self.tailLength = tailLength
        current = LiveLapRecorder.blank(like: template)
        filled = GridMarks(count: template.count)
    }

    static func blank(like template: ReferenceLap) -> ReferenceLap {
        let n = template.count
        var metadata = template.metadata
        metadata.source = "live"
        metadata.lapTime = 0
        return ReferenceLap(
            metadata: metadata, gridSpacing: template.gridSpacing, time: Array(repeating: 0, count: n),
            speed: Array(repeating: 0, count: n), throttle: Array(repeating: 0, count: n), brake: Array(repeating: 0, count: n),
            steering: [], gear: Array(repeating: 0, count: n))
    }

    mutating func record(_ sample: Sample) {
        if let carried {
            self.carried = nil
            crossLine(from: carried, to: sample)
        }
        if let last, sample.distance > last.distance, sample.distance - last.distance <= Self.maximumGap {
            current.fill(&filled, from: last, to: sample)
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

    var window: LapWindow { LapWindow(current, previous: previous, recordedEnd: recordedEnd) }

    /// Extends the last frame to the end of the lap when it stopped within a few metres of it.
    mutating func closeTail() {
        guard let last, last.distance >= Double(count) - 3 else { return }
        var index = count - 1
        while index >= 0, !filled[index] { index -= 1 }
        guard index >= 0, index < count - 1 else { return }
        for i in (index + 1)..<count { copyPoint(from: index, to: i) }
        recordedEnd = count
        current.metadata.lapTime = last.elapsed
    }

    mutating func startNewLap() {
        // Only the finished lap's end is still read: copied out, its arrays become the new lap's.
        if previous == nil { previous = LapTail(length: tailLength, lapCount: count) }
        previous?.copy(from: current, filled: filled)
        carried = last.map { var s = $0; s.distance -= Double(count); return s }
        Self.clear(&current)
        filled.clearAll()
        last = nil
        recordedEnd = 0
    }

    /// Makes a used lap blank again in place (what `blank(like:)` makes, without allocating).
    private static func clear(_ lap: inout ReferenceLap) {
        lap.metadata.lapTime = 0
        for index in 0..<lap.count {
            lap.time[index] = 0
            lap.speed[index] = 0
            lap.throttle[index] = 0
            lap.brake[index] = 0
            lap.gear[index] = 0
        }
    }

    mutating func reset() {
        current = LiveLapRecorder.blank(like: current)
        filled = GridMarks(count: count)
        previous = nil
        last = nil
        carried = nil
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
        current.time[index] = Float(s.elapsed)
        current.speed[index] = s.speed
        current.throttle[index] = s.throttle
        current.brake[index] = s.brake
        current.gear[index] = s.gear
        filled[index] = true
        recordedEnd = max(recordedEnd, index + 1)
    }

    private mutating func copyPoint(from source: Int, to target: Int) {
        current.time[target] = current.time[source]
        current.speed[target] = current.speed[source]
        current.throttle[target] = current.throttle[source]
        current.brake[target] = current.brake[source]
        current.gear[target] = current.gear[source]
        filled[target] = true
    }
}

extension LiveLapRecorder {
    /// One grid point interpolated between two samples.
    struct GridPoint {
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

extension ReferenceLap {
    /// Interpolates the grid points between two samples and marks them recorded. A method of the
    /// lap, not of the recorder, so that `current.fill(&filled, ...)` writes both arrays in place
    /// without also passing a copy of the recorder (which would share, and so copy, the arrays).
    fileprivate mutating func fill(_ marks: inout GridMarks, from a: LiveLapRecorder.Sample, to b: LiveLapRecorder.Sample) {
        guard let indexes = LiveLapRecorder.gridIndexes(from: a, to: b, count: count) else { return }
        for index in indexes {
            let point = LiveLapRecorder.gridPoint(index, from: a, to: b)
            time[index] = point.time
            speed[index] = point.speed
            throttle[index] = point.throttle
            brake[index] = point.brake
            gear[index] = point.gear
            marks[index] = true
        }
    }
}
