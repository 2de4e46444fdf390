/// What a session came to (REST and the plain text a Discord DM carries): the best lap against
/// the reference, the theoretical best from each corner's best pass, the corners costing the
/// most, what improved, and which advice worked. Built from the stored laps and cues alone.
///
/// - Theoretical best: the best valid lap with each corner's time swapped for that corner's
///   best time over the valid laps (corner times are the laps' time through the corner against
///   the reference, so the swap is exact for the corners; the straights stay the best lap's).
/// - Costliest corners: the highest mean time lost to the reference over the valid laps.
/// - Improved: corners whose mean time lost fell by at least `improvementThreshold` from the
///   first half of the valid laps to the second (two laps at least in each half).
public struct SessionReport: Sendable, Equatable, Encodable {
    /// 0.05 s: a corner time one driver repeats within a few hundredths when nothing changes.
    public static let improvementThreshold = 0.05
    public static let cornersListed = 3

    public struct Lap: Sendable, Equatable, Encodable {
        public var lapNumber: Int32
        public var lapTime: Double
        public var deltaToReference: Double?
    }

    public struct CornerTime: Sendable, Equatable, Encodable {
        public var corner: Int
        public var name: String?
        /// Seconds lost to the reference through the corner (+ = slower); for `improved`, how
        /// much less than in the first half of the session.
        public var seconds: Double
    }

    public var validLaps: Int
    public var bestLap: Lap?
    public var theoreticalBest: Double?
    public var costliestCorners: [CornerTime]
    public var improved: [CornerTime]
    public var advice: AdviceEffectiveness

    public init(laps: [MeasuredLap], outcomes: [AdviceOutcome]) {
        let valid = laps.filter { $0.isValid && ($0.lapTime?.isFinite ?? false) }.sorted { $0.lapNumber < $1.lapNumber }
        validLaps = valid.count
        advice = AdviceEffectiveness(outcomes)
        let best = valid.min { ($0.lapTime ?? .infinity) < ($1.lapTime ?? .infinity) }
        bestLap = best.map { Lap(lapNumber: $0.lapNumber, lapTime: $0.lapTime ?? 0, deltaToReference: $0.deltaToReference) }

        let times = Self.cornerTimes(valid)
        if let best, let lapTime = best.lapTime {
            let saving = Self.times(of: best).reduce(0.0) { total, entry in
                total + max(0, entry.value - (times[entry.key]?.min() ?? entry.value))
            }
            theoreticalBest = lapTime - saving
        }
        let names = Dictionary(valid.flatMap(\.corners).map { ($0.corner, $0.name) }, uniquingKeysWith: { a, _ in a })
        costliestCorners = times.map { CornerTime(corner: $0.key, name: names[$0.key] ?? nil, seconds: Self.mean($0.value)) }
            .filter { $0.seconds > 0 }.sorted { ($0.seconds, -$0.corner) > ($1.seconds, -$1.corner) }
            .prefix(Self.cornersListed).map { $0 }
        improved = times.compactMap { corner, series -> CornerTime? in
            guard series.count >= 4 else { return nil }
            let half = series.count / 2
            let gain = Self.mean(Array(series.prefix(half))) - Self.mean(Array(series.suffix(series.count - half)))
            return gain >= Self.improvementThreshold ? CornerTime(corner: corner, name: names[corner] ?? nil, seconds: gain) : nil
        }.sorted { ($0.seconds, -$0.corner) > ($1.seconds, -$1.corner) }.prefix(Self.cornersListed).map { $0 }
    }

    /// Each corner's time lost on every valid lap that measured it, in lap order.
    static func cornerTimes(_ laps: [MeasuredLap]) -> [Int: [Double]] {
        var result: [Int: [Double]] = [:]
        for lap in laps { for (corner, time) in times(of: lap) { result[corner, default: []].append(time) } }
        return result
    }

    static func times(of lap: MeasuredLap) -> [Int: Double] {
        var result: [Int: Double] = [:]
        for corner in lap.corners {
            if let time = corner.versusReference.timeDelta, time.isFinite { result[corner.corner] = time }
        }
        return result
    }

    static func mean(_ values: [Double]) -> Double { values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count) }
}
