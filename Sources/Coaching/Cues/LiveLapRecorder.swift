import Telemetry

/// Builds the current lap on the 1 m grid as frames arrive, interpolating between frames, and
/// keeps the previous lap for corners that cross the line.
///
/// It runs on every frame, so it writes the grid arrays in place: nothing may hold a second
/// reference to `current`'s or `previous`'s arrays while they are written (that would make the
/// write copy the whole lap), and a new lap reuses the arrays of the lap before last.
struct LiveLapRecorder: Sendable {
    struct Sample: Sendable, Equatable {
        var distance: Double
        var elapsed: Double
        var sessionTime: Double
        var speed: Float
        var throttle: Float
        var brake: Float
        var steering: Float
        var gear: Int8
    }

    /// Frames further apart than this are not bridged (a dropout or a jump): 30 m is half a
    /// second at 60 m/s, six frames lost at 10 Hz.
    static let maximumGap = 30.0

    let count: Int
    private(set) var current: ReferenceLap
    private(set) var filled: [Bool]
    private(set) var previous: ReferenceLap?
    private(set) var previousFilled: [Bool] = []
    private var last: Sample?
    /// The last sample of the previous lap, waiting for the first of this one to place the line.
    private var carried: Sample?

    init(template: ReferenceLap) {
        count = template.count
        current = LiveLapRecorder.blank(like: template)
        filled = Array(repeating: false, count: template.count)
    }

    static func blank(like template: ReferenceLap) -> ReferenceLap {
        let n = template.count
        var metadata = template.metadata
        metadata.source = "live"
        metadata.lapTime = 0
        return ReferenceLap(
            metadata: metadata, gridSpacing: template.gridSpacing, time: Array(repeating: 0, count: n),
            speed: Array(repeating: 0, count: n), throttle: Array(repeating: 0, count: n), brake: Array(repeating: 0, count: n),
            steering: Array(repeating: 0, count: n), gear: Array(repeating: 0, count: n))
    }

    mutating func record(_ sample: Sample) {
        if let carried {
            self.carried = nil
            crossLine(from: carried, to: sample)
        }
        if let last, sample.distance > last.distance, sample.distance - last.distance <= Self.maximumGap {
            current.fill(&filled, from: last, to: sample)
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
                guard previous != nil, previousFilled[index + count] else { return false }
            } else if !filled[index] {
                return false
            }
        }
        return true
    }

    var window: LapWindow { LapWindow(current, previous: previous) }

    /// Extends the last frame to the end of the lap when it stopped within a few metres of it.
    mutating func closeTail() {
        guard let last, last.distance >= Double(count) - 3 else { return }
        var index = count - 1
        while index >= 0, !filled[index] { index -= 1 }
        guard index >= 0, index < count - 1 else { return }
        for i in (index + 1)..<count { copyPoint(from: index, to: i) }
        current.metadata.lapTime = last.elapsed
    }

    mutating func startNewLap() {
        // The lap before last is no longer read: its arrays become the new current lap's.
        var recycled: ReferenceLap? = nil
        swap(&recycled, &previous)
        var recycledFilled: [Bool] = []
        swap(&recycledFilled, &previousFilled)
        previous = current
        previousFilled = filled
        carried = last.map { var s = $0; s.distance -= Double(count); return s }
        if var lap = consume recycled, lap.count == count {
            Self.clear(&lap)
            current = consume lap
        } else {
            current = LiveLapRecorder.blank(like: current)
        }
        if recycledFilled.count == count {
            for index in recycledFilled.indices { recycledFilled[index] = false }
            filled = consume recycledFilled
        } else {
            filled = Array(repeating: false, count: count)
        }
        last = nil
    }

    /// Makes a used lap blank again in place (what `blank(like:)` makes, without allocating).
    private static func clear(_ lap: inout ReferenceLap) {
        lap.metadata.lapTime = 0
        for index in 0..<lap.count {
            lap.time[index] = 0
            lap.speed[index] = 0
            lap.throttle[index] = 0
            lap.brake[index] = 0
            lap.steering[index] = 0
            lap.gear[index] = 0
        }
    }

    mutating func reset() {
        current = LiveLapRecorder.blank(like: current)
        filled = Array(repeating: false, count: count)
        previous = nil
        previousFilled = []
        last = nil
        carried = nil
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
            previous?.fill(&previousFilled, from: tailStart, to: tailEnd)
            previous?.metadata.lapTime = old.elapsed + seconds * (-old.distance) / gap
        }
    }

    private mutating func setNearest(_ s: Sample) {
        let index = Int(s.distance.rounded())
        guard index >= 0, index < count, !filled[index] else { return }
        current.time[index] = Float(s.elapsed)
        current.speed[index] = s.speed
        current.throttle[index] = s.throttle
        current.brake[index] = s.brake
        current.steering[index] = s.steering
        current.gear[index] = s.gear
        filled[index] = true
    }

    private mutating func copyPoint(from source: Int, to target: Int) {
        current.time[target] = current.time[source]
        current.speed[target] = current.speed[source]
        current.throttle[target] = current.throttle[source]
        current.brake[target] = current.brake[source]
        current.steering[target] = current.steering[source]
        current.gear[target] = current.gear[source]
        filled[target] = true
    }
}

extension ReferenceLap {
    /// Interpolates the grid points between two samples and marks them recorded. A method of the
    /// lap, not of the recorder, so that `current.fill(&filled, ...)` writes both arrays in place
    /// without also passing a copy of the recorder (which would share, and so copy, the arrays).
    fileprivate mutating func fill(_ marks: inout [Bool], from a: LiveLapRecorder.Sample, to b: LiveLapRecorder.Sample) {
        let first = max(0, Int(a.distance.rounded(.down)) + 1), lastIndex = min(count - 1, Int(b.distance.rounded(.down)))
        guard first <= lastIndex else { return }
        let span = b.distance - a.distance
        for index in first...lastIndex {
            let f = Float((Double(index) - a.distance) / span)
            time[index] = Float(a.elapsed + (b.elapsed - a.elapsed) * Double(f))
            speed[index] = a.speed + (b.speed - a.speed) * f
            throttle[index] = a.throttle + (b.throttle - a.throttle) * f
            brake[index] = a.brake + (b.brake - a.brake) * f
            steering[index] = a.steering + (b.steering - a.steering) * f
            gear[index] = f < 0.5 ? a.gear : b.gear
            marks[index] = true
        }
    }
}
