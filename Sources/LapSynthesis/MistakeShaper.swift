import Coaching

/// Bends a reference speed trace to make one `InjectedMistake`, physically consistently:
/// the same deceleration when braking at another place, the car's own acceleration limit when
/// rejoining the reference. Pedals are derived from the bent trace afterwards.
struct MistakeShaper {
    let curvature: [Double]
    let car: CarProfile
    let reference: [Double]

    /// Grid positions of one corner on the reference, unwrapped so that onset <= apex <= pickup.
    struct CornerSpan {
        var onset: Int?
        var apex: Int
        var pickup: Int
    }

    func apply(_ mistake: InjectedMistake, at span: CornerSpan, to speed: inout [Double]) {
        switch mistake {
        case .brakeEarly(_, _, let metres): brakeEarly(Int(metres.rounded()), span, &speed)
        case .brakeLate(_, _, let metres): brakeLate(Int(metres.rounded()), span, &speed)
        case .slowApex(_, _, let kmh): slowApex(kmh / 3.6, span, &speed)
        case .lateThrottle(_, _, let metres): lateThrottle(Int(metres.rounded()), span, &speed)
        case .earlyRelease(_, _, let metres): earlyRelease(Int(metres.rounded()), span, &speed)
        case .abruptRelease(_, _, let metres): abruptRelease(Int(metres.rounded()), span, &speed)
        }
    }

    private var count: Int { reference.count }
    private func ref(_ index: Int) -> Double { reference[Grid.wrap(index, count)] }

    /// v²(s) drops by the same amount as the reference's does `shift` metres later.
    private func brakeEarly(_ shift: Int, _ span: CornerSpan, _ speed: inout [Double]) {
        guard let onset = span.onset, shift > 0 else { return }
        let start = onset - shift
        let entry = ref(start), apexSpeed = ref(span.apex)
        for s in start...span.apex {
            let shifted = s + shift <= span.apex ? ref(s + shift) : apexSpeed
            let drop = ref(onset) * ref(onset) - shifted * shifted
            let v = max(apexSpeed, (max(0, entry * entry - drop)).squareRoot())
            speed[Grid.wrap(s, count)] = min(speed[Grid.wrap(s, count)], v)
        }
    }

    /// Holds the onset speed `shift` metres longer, then drives the corner shifted later.
    private func brakeLate(_ shift: Int, _ span: CornerSpan, _ speed: inout [Double]) {
        guard let onset = span.onset, shift > 0 else { return }
        for s in onset..<(onset + shift) { speed[Grid.wrap(s, count)] = ref(onset) }
        for s in (onset + shift)...(span.pickup + shift) { speed[Grid.wrap(s, count)] = ref(s - shift) }
        SpeedProfile.reaccelerate(&speed, from: span.pickup + shift, length: count / 2, ceiling: reference, curvature: curvature, car: car)
    }

    /// Lowers the entry trace by up to `delta` (quadratically from the onset, so the onset and
    /// the early, full-pressure part of the braking stay the same), then rejoins at the limit.
    private func slowApex(_ delta: Double, _ span: CornerSpan, _ speed: inout [Double]) {
        guard delta > 0 else { return }
        let start = span.onset ?? (span.apex - 60)
        let length = Double(max(1, span.apex - start))
        for s in start...span.apex {
            let weight = Double(s - start) / length
            speed[Grid.wrap(s, count)] = max(1, ref(s) - delta * weight * weight)
        }
        SpeedProfile.reaccelerate(&speed, from: span.apex, length: count / 2, ceiling: reference, curvature: curvature, car: car)
    }

    /// Holds the pick-up speed for `shift` metres, then goes flat.
    private func lateThrottle(_ shift: Int, _ span: CornerSpan, _ speed: inout [Double]) {
        guard shift > 0 else { return }
        for s in span.pickup...(span.pickup + shift) { speed[Grid.wrap(s, count)] = min(ref(s), ref(span.pickup)) }
        SpeedProfile.reaccelerate(&speed, from: span.pickup + shift, length: count / 2, ceiling: reference, curvature: curvature, car: car)
    }

    /// The reference's braking from its onset to its slowest point (where the brake is let go),
    /// squeezed into a zone `shift` metres shorter; the slowest speed is then held to where the
    /// reference reaches it. Does nothing when the zone is not twice as long as the shift (the
    /// deceleration would more than double): the check drops the mistake then.
    private func earlyRelease(_ shift: Int, _ span: CornerSpan, _ speed: inout [Double]) {
        guard let onset = span.onset, shift > 0 else { return }
        let release = (onset...span.apex).min { ref($0) < ref($1) } ?? span.apex
        let length = release - onset
        guard length >= 2 * shift else { return }
        let squeeze = Double(length) / Double(length - shift)
        for s in onset...release {
            let v: Double
            if s <= release - shift {
                let source = Double(onset) + Double(s - onset) * squeeze
                let low = Int(source.rounded(.down)), fraction = source - Double(low)
                v = ref(low) + (ref(low + 1) - ref(low)) * fraction
            } else {
                v = ref(release)
            }
            speed[Grid.wrap(s, count)] = min(speed[Grid.wrap(s, count)], v)
        }
    }

    /// "Off the brake, then turn": the car is at the apex speed `length` metres before the
    /// reference lets the brake go (its slowest point, where it has trailed the pressure off
    /// while turning in), braked there at the car's limit from further back (so braking starts
    /// earlier), the brake let go at once, and the apex speed held to the reference's release.
    /// On this physics the reference trails along the friction circle: the same onset cannot
    /// brake harder, so an abrupt release needs the speed lost sooner.
    private func abruptRelease(_ length: Int, _ span: CornerSpan, _ speed: inout [Double]) {
        guard let onset = span.onset, length > 0 else { return }
        let release = (onset...span.apex).min { ref($0) < ref($1) } ?? span.apex
        let turnIn = release - length
        guard turnIn > onset else { return }
        let apexSpeed = ref(release)
        for s in turnIn...release { speed[Grid.wrap(s, count)] = min(speed[Grid.wrap(s, count)], apexSpeed) }
        // Backwards from the turn-in at the braking limit, until the reference is slower.
        var v = apexSpeed, s = turnIn - 1
        while s > release - count / 2 {
            v = SpeedProfile.braked(to: v, at: Grid.wrap(s + 1, count), curvature: curvature, car: car)
            guard v < ref(s) else { break }
            speed[Grid.wrap(s, count)] = min(speed[Grid.wrap(s, count)], v)
            s -= 1
        }
    }
}
