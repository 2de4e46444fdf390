import Telemetry

/// Reads a lap on the 1 m grid by unwrapped index. Indexes below 0 read the previous lap when
/// one is given (live laps), otherwise they wrap around the same lap (a whole or reference lap
/// is treated as closed). Indexes past the end always wrap.
///
/// The detectors call these readers millions of times per lap end, so the window keeps the
/// channel arrays themselves (not the `ReferenceLap`, whose copy would retain every array and
/// string per read) and reads indexes inside the lap without wrapping.
struct LapWindow: Sendable {
    /// One lap's channels, as read by the window.
    private struct Channels: Sendable {
        let points: GridColumns
        let lapTime: Double

        static let none = Channels(points: GridColumns(count: 0), lapTime: 0)

        init(points: GridColumns, lapTime: Double) {
            self.points = points
            self.lapTime = lapTime
        }

        init(_ tail: LapTail) {
            self.init(points: tail.points, lapTime: tail.lapTime)
        }

        init(_ lap: ReferenceLap) {
            self.init(
                points: GridColumns(time: lap.time, speed: lap.speed, throttle: lap.throttle, brake: lap.brake, gear: lap.gear),
                lapTime: lap.metadata.lapTime)
        }
    }

    private let lap: Channels
    /// The lap before, or no channels when there is none (`hasPrevious`).
    private let previous: Channels
    private let hasPrevious: Bool
    /// The grid index of the previous lap's first kept point (`LapTail.start`).
    private let previousStart: Int
    let count: Int
    /// The first index past the live lap's data (`Int.max` for a closed lap): a grid point the
    /// car has not reached yet holds zeros, not driving, and readers that look ahead stop here.
    let recordedEnd: Int

    /// A closed lap (reads before the line wrap), or a live lap with the whole lap before it.
    init(_ lap: ReferenceLap, previous: ReferenceLap? = nil) {
        let whole = previous.flatMap { $0.count == lap.count ? Channels($0) : nil }
        self.init(lap, previous: whole, previousStart: 0)
    }

    /// A live lap with the end of the lap before it (`LiveLapRecorder`), recorded up to
    /// `recordedEnd` (exclusive).
    init(_ lap: ReferenceLap, previous: LapTail?, recordedEnd: Int) {
        let tail = previous.flatMap { $0.start + $0.filled.count == lap.count && !$0.filled.isEmpty ? Channels($0) : nil }
        self.init(lap, previous: tail, previousStart: previous?.start ?? 0, recordedEnd: recordedEnd)
    }

    private init(_ lap: ReferenceLap, previous: Channels?, previousStart: Int, recordedEnd: Int = .max) {
        self.lap = Channels(lap)
        count = lap.count
        self.recordedEnd = recordedEnd
        self.previous = previous ?? .none
        self.previousStart = previous == nil ? 0 : previousStart
        hasPrevious = previous != nil
    }

    /// Which lap holds `index`, the index in that lap, and the time offset of that lap.
    @inline(__always)
    private func locate(_ index: Int) -> (onPrevious: Bool, index: Int, laps: Int) {
        if index >= 0 && index < count { return (false, index, 0) }
        let wrapped = Grid.wrap(index, count)
        // Reads before the tail cannot happen (the tail covers every corner window with a margin,
        // `CornerCoach.tailLength`); clamped all the same, so a read never traps.
        if index < 0, hasPrevious { return (true, max(wrapped - previousStart, 0), 0) }
        return (false, wrapped, (index - wrapped) / max(count, 1))
    }

    func speed(_ index: Int) -> Float {
        let (onPrevious, i, _) = locate(index)
        return onPrevious ? previous.points.speed[i] : lap.points.speed[i]
    }

    func throttle(_ index: Int) -> Float {
        let (onPrevious, i, _) = locate(index)
        return onPrevious ? previous.points.throttle[i] : lap.points.throttle[i]
    }

    func brake(_ index: Int) -> Float {
        let (onPrevious, i, _) = locate(index)
        return onPrevious ? previous.points.brake[i] : lap.points.brake[i]
    }

    func gear(_ index: Int) -> Int8 {
        let (onPrevious, i, _) = locate(index)
        return onPrevious ? previous.points.gear[i] : lap.points.gear[i]
    }

    /// Elapsed time, continuous across the line (negative on the previous lap).
    func time(_ index: Int) -> Double {
        let (onPrevious, i, laps) = locate(index)
        if onPrevious {
            return Double(previous.points.time[i]) + -previous.lapTime
        }
        return Double(lap.points.time[i]) + Double(laps) * lap.lapTime
    }

    /// Speed averaged over ±`radius` metres: minimum-speed readings on a noisy trace are biased
    /// low by about two standard deviations; seven points cut that by a factor of 2.6.
    func smoothedSpeed(_ index: Int, radius: Int = 3) -> Double {
        var sum = 0.0
        for offset in -radius...radius { sum += Double(speed(index + offset)) }
        return sum / Double(2 * radius + 1)
    }
}
