/// How the brake comes off into the apex (trail braking), beside where it comes off.
///
/// Into a corner the tyres' grip is shared between braking and turning: as the car turns in,
/// the pressure must come off as the cornering force builds, so a driver who trails the brake
/// lets it off progressively over the last part of the braking. "Off the brake, then turn"
/// holds the pressure and drops it in a few metres.
///
/// The release is read as its length in metres, from the whole braking zone rather than from
/// where the pressure crosses one level (a pedal held near that level crosses it back and forth
/// with sensor noise, which moved a level-crossing reading by 20 m on clean noisy laps): twice
/// the metres of the zone's pressure below its peak, `2 * ∫ (1 - pressure / peak)` over the
/// zone. A pressure let off in a straight line from the peak to nothing over D
/// metres reads D; held at the peak and dropped at once, about nothing. The peak is the highest
/// ±`smoothing` m average, so one noisy sample does not set it.
///
/// The reference's release is scaled to the lap's braking zone before it is compared: braking
/// squeezed into a shorter zone (an early release, `brake_release_delta`) or moved as a whole
/// (the brake point) keeps its shape, and is no second mistake. Negative = more abrupt.
enum BrakeReleaseShape {
    /// Metres either side over which the peak pressure is averaged.
    static let smoothing = 3

    /// The release's length of `zone` (its stages included), metres.
    static func releaseLength(_ lap: LapWindow, zone: BrakingZoneDetector.Span) -> Double {
        let first = Int(zone.start.rounded(.up)), end = zone.end
        guard end > first else { return 0 }
        var peak: Float = 0
        for index in first...end { peak = max(peak, smoothedBrake(lap, index)) }
        guard peak > 0 else { return 0 }
        // Trapezoids between grid metres, as the frames' readings integrate.
        func missing(_ index: Int) -> Double { Double(1 - min(lap.brake(index), peak) / peak) }
        var below = (missing(first) + missing(end)) / 2
        for index in (first + 1)..<end { below += missing(index) }
        return 2 * below
    }

    static func smoothedBrake(_ lap: LapWindow, _ index: Int) -> Float {
        var sum: Float = 0
        for offset in -smoothing...smoothing { sum += lap.brake(index + offset) }
        return sum / Float(2 * smoothing + 1)
    }

    /// The lap's release length minus the reference's, scaled to the lap's braking zone, metres;
    /// nil where either lap has no braking for the corner.
    static func lengthDelta(_ own: CornerAnalyzer.Reading, _ ref: CornerAnalyzer.Reading) -> Double? {
        guard let ownStart = own.brakePoint, let ownEnd = own.brakeRelease, let ownLength = own.releaseLength,
            let refStart = ref.brakePoint, let refEnd = ref.brakeRelease, let refLength = ref.releaseLength
        else { return nil }
        let ownZone = ownEnd - ownStart, refZone = refEnd - refStart
        guard ownZone > 0, refZone > 0 else { return nil }
        return ownLength - refLength * ownZone / refZone
    }
}
