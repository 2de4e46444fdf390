/// Index arithmetic on a closed lap of `count` grid points; `package` because the lap
/// synthesiser (LapSynthesis) wraps its indexes the same way.
package enum Grid {
    package static func wrap(_ index: Int, _ count: Int) -> Int {
        guard count > 0 else { return 0 }
        let r = index % count
        return r < 0 ? r + count : r
    }

    /// Metres from `from` forward to `to` around the lap, in 0..<count.
    package static func forwardDistance(from: Double, to: Double, count: Int) -> Double {
        guard count > 0 else { return 0 }
        let d = (to - from).truncatingRemainder(dividingBy: Double(count))
        return d < 0 ? d + Double(count) : d
    }

    /// A distance wrapped into 0..<count.
    package static func wrap(_ distance: Double, _ count: Int) -> Double {
        forwardDistance(from: 0, to: distance, count: count)
    }
}
