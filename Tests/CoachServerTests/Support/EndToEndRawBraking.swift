import Telemetry

/// Braking zones read straight from a lap's raw frames, with none of the server's code (no grid,
/// no segmentation, no smoothing): the independent side of the cue checks.
///
/// A zone starts where the brake pedal first reaches `onThreshold` (8 %, the team's brake-on
/// level from docs/coaching.md) and runs until the next zone starts or the lap ends.
struct EndToEndRawBraking {
    /// Brake pressure that counts as braking: above pedal rest noise, below any real application.
    static let onThreshold: Float = 0.08
    /// Metres after the line ignored: a pedal still pressed across the line belongs to the
    /// previous lap's last corner, not to a zone of this lap.
    static let ignoredAfterLine: Float = 20

    struct Zone {
        /// Lap distance (m) where the pedal crossed `onThreshold`, interpolated between the frames.
        let onset: Double
        /// The first row at or above the threshold.
        let onsetRow: Int
        /// Lowest speed from the onset to the next zone (or the lap end), km/h.
        let minimumSpeed: Double
        /// Highest brake pressure in the same span, 0...1.
        let peakBrake: Double
    }

    let zones: [Zone]

    init(frames: [TelemetryFrame], rows: ClosedRange<Int>) {
        var onsets: [(row: Int, distance: Double)] = []
        for row in rows.dropFirst() {
            let (before, at) = (frames[row - 1], frames[row])
            guard at.lapDistance > Self.ignoredAfterLine, at.brake >= Self.onThreshold, before.brake < Self.onThreshold
            else { continue }
            let fraction = Double((Self.onThreshold - before.brake) / (at.brake - before.brake))
            let distance = Double(before.lapDistance) + Double(at.lapDistance - before.lapDistance) * fraction
            onsets.append((row, distance))
        }
        zones = onsets.enumerated().map { index, onset in
            let end = index + 1 < onsets.count ? onsets[index + 1].row - 1 : rows.upperBound
            let span = frames[onset.row...end]
            return Zone(
                onset: onset.distance, onsetRow: onset.row,
                minimumSpeed: Double(span.map(\.speed).min() ?? 0) * 3.6, peakBrake: Double(span.map(\.brake).max() ?? 0))
        }
    }
}
