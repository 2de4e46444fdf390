/// How the brake comes off into the apex (trail braking), beside where it comes off.
///
/// Into a corner the tyres' grip is shared between braking and turning: as the car turns in,
/// the pressure must come off as the cornering force builds, so a driver who trails the brake
/// lets it off progressively over the last part of the braking. "Off the brake, then turn"
/// holds the pressure and drops it in a few metres. The release is read as its length: metres
/// from the last point of the corner's braking at `startShare` of the zone's peak pressure to
/// where the zone ends (below `PedalThresholds.brakeOff`).
///
/// The reference's release is scaled to the lap's braking zone before it is compared: braking
/// squeezed into a shorter zone (an early release, `brake_release_delta`) or moved as a whole
/// (the brake point) keeps its shape, and is no second mistake. So the number is "the metres
/// sooner the release would start with the reference's shape in this lap's braking": negative
/// = more abrupt than the reference.
enum BrakeReleaseShape {
    /// Half the zone's peak: well clear of the few per cent a held pedal wanders at its plateau,
    /// and of the light pressure at the start and end of any braking, on every trace; the
    /// pressure is on its way off once it is below half of what the driver used.
    static let startShare: Float = 0.5

    /// The last grid point of `zone` at `startShare` of its peak (the zone's stages included).
    static func releaseStart(_ lap: LapWindow, zone: BrakingZoneDetector.Span) -> Double {
        let level = zone.peak * startShare
        var index = zone.end
        let first = Int(zone.start.rounded(.up))
        while index > first, lap.brake(index) < level { index -= 1 }
        return Double(index)
    }

    /// The lap's release length minus the reference's, scaled to the lap's braking zone, metres;
    /// nil where either lap has no braking for the corner.
    static func lengthDelta(_ own: CornerAnalyzer.Reading, _ ref: CornerAnalyzer.Reading) -> Double? {
        guard let ownStart = own.brakePoint, let ownEnd = own.brakeRelease, let ownRelease = own.releaseStart,
            let refStart = ref.brakePoint, let refEnd = ref.brakeRelease, let refRelease = ref.releaseStart
        else { return nil }
        let ownZone = ownEnd - ownStart, refZone = refEnd - refStart
        guard ownZone > 0, refZone > 0 else { return nil }
        return (ownEnd - ownRelease) - (refEnd - refRelease) * ownZone / refZone
    }
}
