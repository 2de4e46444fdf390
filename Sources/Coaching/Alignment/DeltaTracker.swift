import Foundation
import Telemetry

/// Live time difference to a reference lap, one frame at a time, in O(1): the reference time at a
/// distance is read from the two grid points around it, never searched.
public struct DeltaTracker: Sendable {
    /// Time constant (s) of the exponential smoothing of `trend`. Raw per-frame changes of the delta
    /// are noisy (1/60 s frames, Float grid times, distance jitter); 0.5 s averages about 30
    /// frames yet still follows a corner, which lasts 2-5 s, so a loss shows while it happens.
    public static let trendTimeConstant: Double = 0.5

    public let reference: ReferenceLap
    /// Distance (m) where the reference's grid ends.
    private let gridEnd: Double
    /// The line beyond the last grid point: (track length, lap time), when the reference has both.
    private let finish: (distance: Double, time: Double)?

    private var previous: (delta: Double, sessionTime: Double)?
    private var smoothedTrend: Double = 0

    public init(reference: ReferenceLap) {
        self.reference = reference
        let spacing = reference.gridSpacing > 0 ? reference.gridSpacing : 1
        gridEnd = Double(max(reference.count - 1, 0)) * spacing
        let length = reference.metadata.track.length
        let lapTime = reference.metadata.lapTime
        // Only a line within one spacing past the grid's end and a lap time after its last point
        // extend the grid; anything else would be a reference for another length.
        if let lastTime = reference.time.last, length > gridEnd, length < gridEnd + spacing,
            lapTime > Double(lastTime)
        {
            finish = (length, lapTime)
        } else {
            finish = nil
        }
    }

    /// Delta (s, positive = slower) and its smoothed change per second at `lapDistance`, or nil
    /// outside the reference (below 0, past its end, non-finite input).
    /// - Parameters:
    ///   - elapsedLapTime: the driver's time since the lap's start line crossing.
    ///   - sessionTime: the frame's session time; the trend is measured against it.
    public mutating func update(lapDistance: Double, elapsedLapTime: Double, sessionTime: Double)
        -> (delta: Double, trend: Double)?
    {
        guard elapsedLapTime.isFinite, sessionTime.isFinite,
            let referenceTime = referenceTime(at: lapDistance)
        else { return nil }
        let delta = elapsedLapTime - referenceTime
        if let previous, sessionTime > previous.sessionTime {
            let interval = sessionTime - previous.sessionTime
            let rate = (delta - previous.delta) / interval
            let weight = 1 - exp(-interval / Self.trendTimeConstant)
            smoothedTrend += weight * (rate - smoothedTrend)
            self.previous = (delta, sessionTime)
        } else if previous == nil {
            previous = (delta, sessionTime)
        }
        return (delta, smoothedTrend)
    }

    /// Forget the trend; call when a new lap starts.
    public mutating func reset() {
        previous = nil
        smoothedTrend = 0
    }

    /// Reference elapsed time at `distance`, linearly interpolated between grid points i and i+1.
    public func referenceTime(at distance: Double) -> Double? {
        guard distance.isFinite, distance >= 0, !reference.time.isEmpty else { return nil }
        let spacing = reference.gridSpacing > 0 ? reference.gridSpacing : 1
        if distance <= gridEnd {
            let position = distance / spacing
            let index = min(Int(position), reference.count - 1)
            guard index + 1 < reference.count else { return Double(reference.time[index]) }
            let before = Double(reference.time[index])
            let after = Double(reference.time[index + 1])
            return before + (after - before) * (position - Double(index))
        }
        guard let finish, distance <= finish.distance, let last = reference.time.last else { return nil }
        let fraction = (distance - gridEnd) / (finish.distance - gridEnd)
        return Double(last) + (finish.time - Double(last)) * fraction
    }
}
