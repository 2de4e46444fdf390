import Telemetry

/// Reads a lap on the 1 m grid by unwrapped index. Indexes below 0 read the previous lap when
/// one is given (live laps), otherwise they wrap around the same lap (a whole or reference lap
/// is treated as closed). Indexes past the end always wrap.
struct LapWindow: Sendable {
    let lap: ReferenceLap
    let previous: ReferenceLap?

    init(_ lap: ReferenceLap, previous: ReferenceLap? = nil) {
        self.lap = lap
        self.previous = previous.flatMap { $0.count == lap.count ? $0 : nil }
    }

    var count: Int { lap.count }

    private func source(_ index: Int) -> (ReferenceLap, Int, Double) {
        let n = lap.count
        if index < 0, let previous {
            return (previous, Grid.wrap(index, n), -previous.metadata.lapTime)
        }
        let wrapped = Grid.wrap(index, n)
        let laps = Double((index - wrapped) / max(n, 1))
        return (lap, wrapped, laps * lap.metadata.lapTime)
    }

    func speed(_ index: Int) -> Float { let (l, i, _) = source(index); return l.speed[i] }
    func throttle(_ index: Int) -> Float { let (l, i, _) = source(index); return l.throttle[i] }
    func brake(_ index: Int) -> Float { let (l, i, _) = source(index); return l.brake[i] }
    func gear(_ index: Int) -> Int8 { let (l, i, _) = source(index); return l.gear[i] }

    /// Elapsed time, continuous across the line (negative on the previous lap).
    func time(_ index: Int) -> Double {
        let (l, i, offset) = source(index)
        return Double(l.time[i]) + offset
    }

    /// Speed averaged over ±`radius` metres: minimum-speed readings on a noisy trace are biased
    /// low by about two standard deviations; seven points cut that by a factor of 2.6.
    func smoothedSpeed(_ index: Int, radius: Int = 3) -> Double {
        var sum = 0.0
        for offset in -radius...radius { sum += Double(speed(index + offset)) }
        return sum / Double(2 * radius + 1)
    }
}
