/// Corner candidates: minima of the (smoothed) speed trace of a closed lap, each with its
/// prominence, the drop from the lower of the two speed peaks around it (the topographic
/// definition: each side is walked until the trace goes lower than the minimum itself).
enum SpeedMinima {
    struct Minimum: Sendable {
        var index: Int
        var speed: Double
        /// Drop below the lower surrounding peak, as a fraction of that peak.
        var relativeDrop: Double
        /// The lower surrounding peaks' positions (unwrapped, around `index`).
        var leftPeak: Int
        var rightPeak: Int
    }

    static func find(in speed: [Double]) -> [Minimum] {
        let n = speed.count
        guard n > 4 else { return [] }
        func at(_ i: Int) -> Double { speed[Grid.wrap(i, n)] }
        var result: [Minimum] = []
        for index in 0..<n where at(index) < at(index - 1) && at(index) <= at(index + 1) {
            let v = at(index)
            var leftPeak = index, rightPeak = index
            var step = 1
            while step < n, at(index - step) >= v {
                if at(index - step) > at(leftPeak) { leftPeak = index - step }
                step += 1
            }
            step = 1
            while step < n, at(index + step) > v {
                if at(index + step) > at(rightPeak) { rightPeak = index + step }
                step += 1
            }
            let peak = min(at(leftPeak), at(rightPeak))
            guard peak > 0 else { continue }
            result.append(Minimum(index: index, speed: v, relativeDrop: (peak - v) / peak, leftPeak: leftPeak, rightPeak: rightPeak))
        }
        return result
    }
}
