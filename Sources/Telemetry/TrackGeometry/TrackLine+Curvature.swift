import Foundation

extension TrackLine {
    /// Half-width of the window over which curvature is averaged, metres.
    ///
    /// The points are about 5 m apart and each carries centimetres of noise (GPS, smoothing,
    /// rounding). Curvature from three neighbouring points divides that noise by 5 m twice: a
    /// 5 cm wobble reads as a 250 m radius on a straight, and the TUMFTM centre lines show
    /// 3-point spikes down to an 8 m radius (Spa), a phantom hairpin. The heading change across
    /// ±10 m divides the noise by 20 m once. Measured on Spa, Monza and Brands Hatch: ±10 m
    /// halves the centre lines' point-to-point roughness against ±5 m and keeps no spike tighter
    /// than a 13 m radius, at the cost of ~12% of the tightest hairpin's peak on the (already
    /// smooth) race lines (La Source 18 m -> 21 m radius, a few tenths of a GT4 lap).
    public static let curvatureHalfWindow = 10.0

    /// Direction of travel (rad, unwrapped) at `distance` metres along the line, interpolated
    /// between the middles of the steps; distances beyond one lap add `totalTurning` per lap.
    public func heading(at distance: Double) -> Double {
        guard distance.isFinite, length > 0, let firstMiddle = stepMiddles.first, let firstHeading = stepHeadings.first else { return 0 }
        let laps = ((distance - firstMiddle) / length).rounded(.down)
        let offset = distance - firstMiddle - laps * length
        // Last step middle <= middle < next; the step after the last is the first, one lap on.
        var low = 0, high = stepMiddles.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if stepMiddles[mid] - firstMiddle <= offset { low = mid } else { high = mid - 1 }
        }
        let isLast = low == stepMiddles.count - 1
        let start = stepMiddles[low] - firstMiddle
        let end = isLast ? length : stepMiddles[low + 1] - firstMiddle
        let startHeading = stepHeadings[low]
        let endHeading = isLast ? firstHeading + totalTurning : stepHeadings[low + 1]
        let fraction = end > start ? min(1, max(0, (offset - start) / (end - start))) : 0
        return startHeading + (endHeading - startHeading) * fraction + laps * totalTurning
    }

    /// Signed curvature (1/m, left positive) at `distance`: the heading change over
    /// `distance ± halfWindow` divided by the window's length, i.e. the mean curvature there.
    public func curvature(at distance: Double, halfWindow: Double = TrackLine.curvatureHalfWindow) -> Double {
        guard distance.isFinite, halfWindow.isFinite, halfWindow > 0 else { return 0 }
        return (heading(at: distance + halfWindow) - heading(at: distance - halfWindow)) / (2 * halfWindow)
    }
}
