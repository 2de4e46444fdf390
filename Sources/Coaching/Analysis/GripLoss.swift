/// A corner in which the lap lost speed at full throttle faster than the reference ever loses
/// it off the brake: a spin, a slide or an off. Its slowest point is where the car came to rest
/// in the gravel or pointing the wrong way, not an apex, so its apex speed and pick-up say
/// nothing about the driving (GT7 Brands Hatch lap 3 went over turn 1 14 km/h faster than the
/// reference, then lost 120 km/h with the throttle down, and was told "carry 28 km/h more").
/// GT7 and MoTeC exports carry no off-track flag; the speed trace is the evidence.
///
/// With the throttle down the engine pushes, so a car gripping the road loses speed at full
/// throttle more slowly than with the foot off: drag, engine braking and scrub, whose hardest
/// the reference lap shows (0.3-0.6 g on the real laps: its lifts, coasting and the scrub of an
/// oval's corners), and never less than a lift can (`liftShareOfBraking`). Faster than that at full throttle, the tyres are not driving the car along
/// the road: on the real laps clean ones never lose speed at full throttle beyond 0.12 g (drag
/// at a GT7 car's top speed), the GT7 Brands Hatch laps that spun lost 0.7-1.0 g.
enum GripLoss {
    /// Seconds over which a deceleration is read: 12-15 samples of a 50-60 Hz sim, so one
    /// noisy speed does not make one, and short against a spin (about a second).
    static let span = 0.25

    /// A lift slows a car at up to this share of its braking: on the real laps 15-28 % (0.3-0.6 g
    /// against 2.0-2.6 g). The floor of the limit, for a reference that never lifts (a
    /// synthesised lap goes from full throttle straight to the brake) and whose own lifts would
    /// leave a sim's speed jitter (0.1-0.2 m/s a sample, up to 1.3 m/s² over `span`) as the bar.
    static let liftShareOfBraking = 0.25

    /// The deceleration (m/s²) past which a lap at full throttle has lost grip: the reference's
    /// hardest off the brake over `span`, at least `liftShareOfBraking` of its hardest braking.
    /// nil when the reference never slows down at all.
    static func limit(reference: LapWindow) -> Double? {
        let last = reference.count - 1
        let offBrake = hardestDeceleration(reference, from: 0, to: last) { lap, index in lap.brake(index) < PedalThresholds.brakeOff }
        let braking = hardestDeceleration(reference, from: 0, to: last) { _, _ in true }
        let limit = max(offBrake, braking * liftShareOfBraking)
        return limit > 0 ? limit : nil
    }

    /// Whether the lap lost speed at full throttle (and off the brake) faster than `limit`
    /// anywhere in `from...to`.
    static func lost(_ lap: LapWindow, from: Int, to: Int, limit: Double) -> Bool {
        hardestDeceleration(lap, from: from, to: to) { lap, index in
            lap.throttle(index) >= PedalThresholds.throttleFull && lap.brake(index) < PedalThresholds.brakeOff
        } > limit
    }

    /// The hardest speed loss per second over `span` in `from...to` (unwrapped indexes), over
    /// spans whose every grid point `counts`.
    static func hardestDeceleration(_ lap: LapWindow, from: Int, to: Int, counts: (LapWindow, Int) -> Bool) -> Double {
        guard to > from else { return 0 }
        var hardest = 0.0
        var end = from
        // Grid points in from...end that do not count, kept as the span slides.
        var excluded = counts(lap, from) ? 0 : 1
        for start in from..<to {
            while end < to, lap.time(end) - lap.time(start) < span {
                end += 1
                if !counts(lap, end) { excluded += 1 }
            }
            let seconds = lap.time(end) - lap.time(start)
            if seconds >= span, excluded == 0 {
                hardest = max(hardest, Double(lap.speed(start) - lap.speed(end)) / seconds)
            }
            if !counts(lap, start) { excluded -= 1 }
        }
        return hardest
    }
}
